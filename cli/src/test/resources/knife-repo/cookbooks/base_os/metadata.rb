name             'base_os'
maintainer       'Galley'
maintainer_email 'galley@example.com'
license          'Apache-2.0'
description      'Base operating system settings (a fixture for the cookbook commands)'
version          '1.0.0'

supports 'debian'
supports 'ubuntu'
