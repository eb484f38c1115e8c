name    'needs_ghost'
version '0.1.0'
depends 'ghost_cookbook', '>= 1.0'
