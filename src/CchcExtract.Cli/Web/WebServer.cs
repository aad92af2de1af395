using System.Net;
using System.Reflection;
using CchcExtract.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CchcExtract.Cli.Web;

/// <summary>
/// The local web page (<c>cchc serve</c>): ASP.NET Core minimal APIs on 127.0.0.1 only, one
/// self-contained page (<c>Web/index.html</c>, embedded) and the JSON API of <see cref="WebApi"/>.
/// One <see cref="PlanStore"/> is shared under a lock (the store is not thread-safe; requests are short).
/// </summary>
public sealed class WebServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly PlanStore _store;
    private readonly Lock _gate = new();

    private WebServer(WebApplication app, PlanStore store)
    {
        _app = app;
        _store = store;
    }

    /// <summary>Builds the server for the store at <paramref name="dbPath"/> on 127.0.0.1:<paramref name="port"/> (0 = any free port).</summary>
    public static WebServer Create(string dbPath, int port, bool quiet = true)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "cchc" });
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        if (!quiet) builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var store = PlanStore.Open(dbPath);
        var server = new WebServer(app, store);
        server.Map();
        return server;
    }

    /// <summary>The address the server listens on (after <see cref="StartAsync"/>).</summary>
    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Starts listening.</summary>
    public Task StartAsync() => _app.StartAsync();

    /// <summary>Completes when the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    private void Map()
    {
        _app.Use(async (ctx, next) =>
        {
            ctx.Response.Headers["X-Content-Type-Options"] = "nosniff";
            ctx.Response.Headers["Content-Security-Policy"] = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";
            try { await next(ctx); }
            catch (Exception e) when (!ctx.Response.HasStarted)
            {
                // Last resort: a JSON error that says what happened, never an HTML stack trace.
                ctx.Response.StatusCode = 500;
                await ctx.Response.WriteAsJsonAsync(new { error = "Lỗi máy chủ: " + e.Message });
            }
        });
        _app.MapGet("/", () => Results.Content(Page.Value, "text/html; charset=utf-8"));
        _app.MapGet("/api/search", (HttpRequest r) => Run(s => WebApi.Search(s, Getter(r))));
        _app.MapGet("/api/documents", () => Run(WebApi.Documents));
        _app.MapGet("/api/document", (HttpRequest r) => Run(s => WebApi.Document(s, r.Query["name"])));
        _app.MapGet("/api/export", (HttpRequest r) => Run(s => WebApi.Export(s, Getter(r))));
    }

    private static Func<string, string?> Getter(HttpRequest r) => name => r.Query.TryGetValue(name, out var v) ? v.ToString() : null;

    private IResult Run(Func<PlanStore, WebApi.Reply> handler)
    {
        WebApi.Reply reply;
        lock (_gate) reply = handler(_store);
        if (reply.File is { } bytes) return Results.File(bytes, reply.ContentType, reply.FileName);
        return Results.Json(reply.Json, WebApi.Json, statusCode: reply.Status);
    }

    private static readonly Lazy<string> Page = new(() =>
    {
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream("CchcExtract.Cli.Web.index.html")
                      ?? throw new InvalidOperationException("embedded page missing");
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    });

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _store.Dispose();
    }
}
