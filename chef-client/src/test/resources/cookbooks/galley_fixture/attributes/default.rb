default['galley_fixture']['port'] = 8080
default['galley_fixture']['workers'] = 4
