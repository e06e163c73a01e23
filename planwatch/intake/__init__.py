"""Document intake: read a web page or text, find its people, posts and directives."""
