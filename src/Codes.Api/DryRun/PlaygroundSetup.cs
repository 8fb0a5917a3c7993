using HealthCode.Api.Auth;
using Microsoft.Extensions.FileProviders;

namespace HealthCode.Api.DryRun;

public static partial class PlaygroundSetup
{
    public const string Path = "/playground";

    // The page loads nothing from elsewhere and renders payload text as text: a strict policy costs it nothing.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The playground's static files (wwwroot/playground, copied to the output like schemas/ and samples/) at
    /// /playground, and /playground/config.json. Anonymous: the page asks for an API key and sends it with each call.
    /// </summary>
    public static WebApplication MapPlayground(this WebApplication app)
    {
        var root = System.IO.Path.Combine(AppContext.BaseDirectory, "wwwroot", "playground");
        app.MapGet(Path + "/config.json", (ApiKeyRegistry keys) =>
                TypedResults.Ok(new PlaygroundConfig(keys.UsesDevelopmentKey ? ApiKeyRegistry.DevelopmentKey : null)))
            .AllowAnonymous()
            .ExcludeFromDescription();
        if (!Directory.Exists(root))
        {
            LogMissing(app.Logger, root);
            return app;
        }

        var files = new FileServerOptions { RequestPath = Path, FileProvider = new PhysicalFileProvider(root), EnableDefaultFiles = true };
        files.StaticFileOptions.OnPrepareResponse = context =>
        {
            var headers = context.Context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = "no-cache";
        };
        app.UseFileServer(files);
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The playground is not served: {Directory} does not exist")]
    private static partial void LogMissing(ILogger logger, string directory);
}
