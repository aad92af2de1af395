using System.CommandLine;
using CchcExtract.Cli.Web;
using CchcExtract.Storage;

namespace CchcExtract.Cli.Commands;

/// <summary><c>cchc serve [--port N]</c>: the analysts' search page on http://127.0.0.1:N/ (loopback only).</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port", "-p") { Description = "TCP port on 127.0.0.1 (0 = any free port)", DefaultValueFactory = _ => 5080 };
        var cmd = new Command("serve", "Serve the search page (facets, grouped commitments, documents, exports) on http://127.0.0.1:PORT/");
        cmd.Options.Add(port);
        cmd.SetAction(pr =>
        {
            var path = pr.GetValue(GlobalOptions.Db) ?? "cchc.db";
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"cchc serve: no store at {path}; run 'cchc import PATH...' first, or pass --db FILE");
                return 1;
            }
            var p = pr.GetValue(port);
            if (p is < 0 or > 65535)
            {
                Console.Error.WriteLine($"cchc serve: --port must be 0–65535, not {p}");
                return 2;
            }
            try
            {
                var server = WebServer.Create(path, p);
                server.StartAsync().GetAwaiter().GetResult();
                // The first line names the address (scripts read it when --port 0).
                Console.WriteLine($"Listening on {server.Address} — Ctrl+C to stop");
                Console.Out.Flush();
                server.WaitForShutdownAsync().GetAwaiter().GetResult();
                server.DisposeAsync().AsTask().GetAwaiter().GetResult();
                return 0;
            }
            catch (StoreException e)
            {
                Console.Error.WriteLine($"cchc serve: {e.Message}");
                return 1;
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"cchc serve: cannot listen on 127.0.0.1:{p} ({e.Message})");
                return 1;
            }
        });
        return cmd;
    }
}
