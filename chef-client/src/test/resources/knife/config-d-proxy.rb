# config.d/10-proxy.rb: the corporate proxy, kept apart from the main config
https_proxy 'http://proxy.corp.example:3128'
no_proxy    'localhost,127.0.0.1,.corp.example'
knife[:editor] = 'code --wait'
