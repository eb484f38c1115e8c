name             'web_app'
maintainer       'Galley'
maintainer_email 'galley@example.com'
license          'Apache-2.0'
description      'The web application (a fixture for the cookbook commands)'
version          '2.3.1'

depends 'base_os', '~> 1.0'

recipe 'web_app::default', 'Installs the web application'
