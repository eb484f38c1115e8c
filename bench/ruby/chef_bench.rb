#!/usr/bin/env ruby
# The Ruby side of Galley's Chef client benchmark: the knife stack (Debian's ruby-mixlib-authentication signing,
# one persistent Net::HTTP connection per thread). Prints one JSON line with requests, wall and CPU seconds.
#
#   chef_bench.rb get    URL USER KEY.pem VERSION CONCURRENCY NAMES_FILE
#   chef_bench.rb search URL USER KEY.pem VERSION ROWS
require "openssl" # must precede mixlib-authentication on Debian 12 (Ruby 3.1)
require "mixlib/authentication/signedheaderauth"
require "net/http"
require "uri"
require "json"
require "time"

mode, url, user, keyfile, version = ARGV.shift(5)
key = OpenSSL::PKey::RSA.new(File.read(keyfile))
base = URI.parse(url)
algo = version == "1.3" ? "sha256" : "sha1"

def signed_get(http, path, user, key, version, algo)
  uri_path = path.split("?", 2).first
  so = Mixlib::Authentication::SignedHeaderAuth.signing_object(
    http_method: :get, path: uri_path, body: "", timestamp: Time.now.utc.iso8601, user_id: user,
    proto_version: version, headers: { "X-Ops-Server-API-Version" => "1" })
  req = Net::HTTP::Get.new(path)
  so.sign(key, sign_algorithm: algo, sign_version: version).each { |k, v| req[k] = v }
  req["X-Ops-Server-API-Version"] = "1"
  req["Accept"] = "application/json"
  req["X-Chef-Version"] = "18.8.0"
  res = http.request(req)
  raise "GET #{path}: HTTP #{res.code}" unless res.code == "200"
  JSON.parse(res.body)
end

cpu0 = Process.clock_gettime(Process::CLOCK_PROCESS_CPUTIME_ID)
t0 = Process.clock_gettime(Process::CLOCK_MONOTONIC)
requests = 0
rows_seen = 0
case mode
when "get"
  concurrency = Integer(ARGV.shift)
  names = File.readlines(ARGV.shift, chomp: true)
  slices = names.each_slice((names.size + concurrency - 1) / concurrency).to_a
  threads = slices.map do |slice|
    Thread.new do
      Net::HTTP.start(base.host, base.port) do |http|
        slice.each { |n| signed_get(http, "#{base.path}/nodes/#{n}", user, key, version, algo) }
      end
    end
  end
  threads.each(&:join)
  requests = names.size
when "search"
  rows = Integer(ARGV.shift)
  Net::HTTP.start(base.host, base.port) do |http|
    start = 0
    loop do
      page = signed_get(http, "#{base.path}/search/node?q=*:*&start=#{start}&rows=#{rows}", user, key, version, algo)
      requests += 1
      got = page["rows"].size
      rows_seen += got
      # Page while pages come back full: goiardi reports 'total' as the page's row count, not the matches.
      break if got < rows
      start += rows
    end
  end
else
  abort "usage: chef_bench.rb get|search ..."
end
t1 = Process.clock_gettime(Process::CLOCK_MONOTONIC)
cpu1 = Process.clock_gettime(Process::CLOCK_PROCESS_CPUTIME_ID)
puts JSON.generate({ requests: requests, rows: rows_seen, wall_s: t1 - t0, cpu_s: cpu1 - cpu0 })
