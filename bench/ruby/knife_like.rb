#!/usr/bin/env ruby
# The Ruby reference client for the CLI start-up benchmark: what knife does for these commands, without knife's
# plugin loading (so it is a lower bound for knife): read the key, sign with mixlib-authentication, one request
# per page, print what knife prints.
#   knife_like.rb URL USER KEY.pem version
#   knife_like.rb URL USER KEY.pem node-list
#   knife_like.rb URL USER KEY.pem search-name
require "openssl" # before mixlib-authentication on Debian 12
require "mixlib/authentication/signedheaderauth"
require "net/http"
require "uri"
require "json"
require "time"

url, user, keyfile, what = ARGV
if what == "version"
  puts "ruby #{RUBY_VERSION}, mixlib-authentication"
  exit 0
end
key = OpenSSL::PKey::RSA.new(File.read(keyfile))
base = URI.parse(url)

def request(http, base, method, path, body, user, key)
  so = Mixlib::Authentication::SignedHeaderAuth.signing_object(
    http_method: method, path: base.path + path.split("?").first, body: body || "", timestamp: Time.now.utc.iso8601,
    user_id: user, proto_version: "1.1", headers: { "X-Ops-Server-API-Version" => "1" })
  req = (method == :get ? Net::HTTP::Get : Net::HTTP::Post).new(base.path + path)
  so.sign(key, sign_algorithm: "sha1", sign_version: "1.1").each { |k, v| req[k] = v }
  req["X-Ops-Server-API-Version"] = "1"
  req["Accept"] = "application/json"
  if body
    req["Content-Type"] = "application/json"
    req.body = body
  end
  JSON.parse(http.request(req).body)
end

Net::HTTP.start(base.host, base.port) do |http|
  case what
  when "node-list"
    request(http, base, :get, "/nodes", nil, user, key).keys.sort.each { |n| puts n }
  when "search-name"
    start = 0
    loop do
      page = request(http, base, :post, "/search/node?q=*:*&start=#{start}&rows=1000", '{"name":["name"]}', user, key)
      page["rows"].each { |r| puts "#{r["data"]["name"]}:\n  name: #{r["data"]["name"]}\n\n" }
      break if page["rows"].size < 1000
      start += 1000
    end
  end
end
