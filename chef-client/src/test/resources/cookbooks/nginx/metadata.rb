name             'nginx'
maintainer       'Example Ops'
maintainer_email 'ops@example.com'
license          'Apache-2.0'
description      'Installs and configures nginx'
long_description IO.read(File.join(File.dirname(__FILE__), 'README.md'))
version          '2.7'

recipe 'nginx', 'Installs nginx package and sets up configuration with Debian apache style'
recipe 'nginx::source', 'Installs nginx from source'

%w(ubuntu debian centos redhat amazon).each do |os|
  supports os
end
supports 'mac_os_x', '>= 10.6'

depends 'build-essential', '~> 2.0'
depends 'ohai', '>= 1.1.4'
depends 'yum-epel'

chef_version '>= 12.1', '< 14'
chef_version '>= 15'
ohai_version '>= 8'
gem 'chef-vault', '>= 3.0'
privacy false
