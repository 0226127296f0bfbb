using System.Text;
using BrokerMonitor;

// A broker's takeover monitor: event-format v1 JSON Lines in (a file, a growing file, or standard input from tail -f),
// decisions out (JSON Lines), and a live terminal summary. A starting point for a service.
var options = MonitorOptions.Parse(args, Console.Error);
if (options is null) return 2;
if (options.Help)
{
    Console.WriteLine(MonitorOptions.Usage);
    return 0;
}

Console.OutputEncoding = Encoding.UTF8;
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // finish the summary and flush the decisions instead of dying mid-line
    stop.Cancel();
};

try
{
    var live = !options.Once && !Console.IsOutputRedirected;
    return new EventMonitor(options, Console.Out, Console.Error, live).Run(stop.Token);
}
catch (IOException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 3;
}
