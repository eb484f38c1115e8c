include_recipe 'base_os::default'

service 'galley-web' do
  action [:enable, :start]
end
