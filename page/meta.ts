// What the page's markup says about the article beside its text: its canonical address and publication date.

/** The page's canonical URL (link rel=canonical), absolute and bounded, or null. */
export function canonicalUrl(doc: Document): string | null {
  const href = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (!href) return null;
  try {
    return new URL(href, doc.baseURI).href.slice(0, 4096);
  } catch {
    return null;
  }
}

/** The publication date as the page declared it (meta tags, else JSON-LD datePublished), or null. */
export function publishedAt(doc: Document): string | null {
  const meta = doc.querySelector('meta[property="article:published_time"], meta[name="pubdate"], meta[itemprop="datePublished"]');
  const fromMeta = meta?.getAttribute('content');
  if (fromMeta) return fromMeta.slice(0, 64);
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const m = /"datePublished"\s*:\s*"([^"]{4,64})"/.exec(script.textContent ?? '');
    if (m?.[1]) return m[1];
  }
  return null;
}
