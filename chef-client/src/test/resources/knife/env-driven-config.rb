# Shared by the whole team: who you are comes from the environment.
current_dir = File.dirname(__FILE__)
user = ENV['OPSCODE_USER'] || ENV['USER']
org  = ENV.fetch('CHEF_ORG', 'acme')

node_name                user
client_key               "#{ENV['HOME']}/.chef/#{user}.pem"
chef_server_url          "https://chef.example.com/organizations/#{org}"
syntax_check_cache_path  "#{ENV['HOME']}/.chef/syntaxcache"
cookbook_path            [
  "#{current_dir}/../cookbooks",
  "#{current_dir}/../site-cookbooks",
]
rest_timeout             30
ssl_verify_mode          :verify_none
verify_api_cert          true
authentication_protocol_version '1.3'

knife[:editor] = ENV['EDITOR'] || 'vim'
knife[:aws_access_key_id] = ENV['AWS_ACCESS_KEY_ID']
knife[:ssh_user] ||= 'ubuntu'
knife[:vault_mode] = 'client'; knife[:vault_admins] = %w(alice bob)
