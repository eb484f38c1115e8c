name 'apt_each'
version '1.0.0'
%w(ubuntu debian).each { |os| supports os }
long_description IO.read('README.md')
