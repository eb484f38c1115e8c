default['web_app']['port'] = 8080
default['web_app']['workers'] = 4
