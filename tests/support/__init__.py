"""What several tests share: the project and its copies (project), building a site (build), the
sample clinic (clinic), the site's map (sitemap), small quiz sites (quiz) and the browser (browsing).
Test modules import from here, never from each other."""
