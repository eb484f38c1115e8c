include_recipe 'galley_fixture::default'

service 'galley-web' do
  action [:enable, :start]
end
