name 'legacy'
version '1.0.0'

if ENV['CI']
  depends 'test_helper'
end
