name              "mysql"
maintainer        "Opscode, Inc."
maintainer_email  "cookbooks@opscode.com"
license           "Apache 2.0"
description       "Installs and configures mysql for client or server"
version           "1.2.1"
recipe            "mysql", "Includes the client recipe to configure a client"

%w{ debian ubuntu centos suse fedora redhat}.each do |os|
  supports os
end

depends "openssl"
recommends "build-essential"

attribute "mysql/server_root_password",
  :display_name => "MySQL Server Root Password",
  :description => "Randomly generated password for the mysqld root user",
  :default => "randomly generated"

attribute "mysql/bind_address",
  :display_name => "MySQL Bind Address",
  :default => "ipaddress"
