log 'needs a cookbook that exists nowhere'
