using System.Net;

namespace HealthCode.Api.OpenApi;

/// <summary>GET /: where a new user starts. Static text and links only; no script, nothing from elsewhere.</summary>
public static class LandingPage
{
    public static string Html(bool metrics)
    {
        var items = string.Join("\n", DocsEndpoints.Links(metrics).Select(l =>
            $"""      <li><a href="{WebUtility.HtmlEncode(l.Path)}">{WebUtility.HtmlEncode(l.Path)}</a> — {WebUtility.HtmlEncode(l.What)}</li>"""));
        return $$"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>HealthCode</title>
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:3rem auto;padding:0 1rem;line-height:1.5}code{background:#f3f3f3;padding:0 .25rem}</style>
            </head>
            <body>
              <h1>HealthCode</h1>
              <p>Makes regional health codes recognisable in other regions: <strong>normalize</strong> a region's payload,
              <strong>translate</strong> a risk level, <strong>verify</strong> a scanned code at a checkpoint (fail closed).</p>
              <ul>
            {{items}}
              </ul>
              <p>Every <code>/v1</code> call needs an <code>X-Api-Key</code> header with a role
              (checkpoint, integrator, publisher:&lt;region&gt;, admin).</p>
            </body>
            </html>
            """;
    }
}
