#!/usr/bin/env ruby
# Makes edb_v0_vectors.json: legacy (format version 0) encrypted data bag values, encrypted exactly as
# Chef 10 / 11 did it (Chef::EncryptedDataBagItem.encrypt_value before format version 1 existed):
#
#   cipher = OpenSSL::Cipher.new("aes-256-cbc"); cipher.encrypt
#   cipher.pkcs5_keyivgen(secret)            # EVP_BytesToKey: MD5, no salt, 2048 iterations
#   Base64.encode64(cipher.update(value.to_yaml) + cipher.final)
#
# "psych" holds Ruby values serialized by this Ruby's Psych (Ruby 1.9+ wrote the same);
# "syck" holds YAML texts in the style Ruby 1.8's Syck wrote ("--- " with a trailing space before
# collections, double-quoted strings, !binary for non-ASCII text), encrypted the same way.
# Run: ruby edb_v0_vectors.rb > edb_v0_vectors.json   (made with ruby 3.1.2, Psych 4.0.3)
require "openssl"
require "yaml"
require "base64"
require "json"

SECRET = "s3cr3t-data-bag-key"

def encrypt_yaml(yaml_text)
  cipher = OpenSSL::Cipher.new("aes-256-cbc")
  cipher.encrypt
  cipher.pkcs5_keyivgen(SECRET)
  Base64.encode64(cipher.update(yaml_text) + cipher.final)
end

psych_values = {
  "password" => "p@ss/wörd",
  "port" => 5432,
  "enabled" => true,
  "nothing" => nil,
  "ratio" => 0.25,
  "numeric_string" => "5432",
  "yes_string" => "yes",
  "empty_string" => "",
  "hosts" => ["db1", "db2"],
  "nested" => { "user" => "app", "limits" => { "list" => [1, { "k" => "v" }] } },
  "multiline" => "line1\nline2\n",
  "binary_text" => "p@ss/wörd".b,
  "empty_list" => [],
  "empty_hash" => {},
  "big_integer" => 2**70,
  "negative_float" => -1.5,
  "looks_like_yaml" => "key: value # not a comment",
  "emoji" => "✓ 😀",
}

syck_texts = {
  "password" => "--- p@ss/word\n",
  "hash" => "--- \nuser: app\nport: 5432\n",
  "list" => "--- \n- a\n- b\n",
  "nothing" => "--- \n",
  "quoted_number" => "--- \"5432\"\n",
  "binary_text" => "--- !binary |\n  cEBzcy93w7ZyZA==\n\n",
}

item = { "id" => "legacy" }
psych_values.each { |k, v| item[k] = encrypt_yaml(v.to_yaml) }
syck = { "id" => "legacy-syck" }
syck_texts.each { |k, t| syck[k] = encrypt_yaml(t) }

# Decrypt back the way Chef's Version0Decryptor does, so the file never holds a vector Ruby cannot read.
def decrypt(b64)
  d = OpenSSL::Cipher.new("aes-256-cbc")
  d.decrypt
  d.pkcs5_keyivgen(SECRET)
  YAML.load(d.update(Base64.decode64(b64)) + d.final)
end
psych_values.each { |k, v| raise "roundtrip #{k}" unless decrypt(item[k]) == v }

puts JSON.pretty_generate(
  "secret" => SECRET,
  "psych" => { "item" => item, "plaintext" => psych_values.transform_values { |v| v.is_a?(String) ? v.dup.force_encoding("UTF-8") : v } },
  "syck" => { "item" => syck, "yaml" => syck_texts, "expected" => syck_texts.keys.to_h { |k| [k, decrypt(syck[k])] }.transform_values { |v| v.is_a?(String) ? v.dup.force_encoding("UTF-8") : v } },
)
