# Installs the application.
package 'galley-app'

template '/etc/galley/app.conf' do
  source 'app.conf.erb'
  variables(port: node['galley_fixture']['port'])
end

cookbook_file '/etc/motd' do
  source 'motd.txt'
end
