using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using TakeoverRules.Detection;
using TakeoverRules.Detection.Format;

namespace TakeoverRules.Samples.Tests.OrleansGateway;

/// <summary>The OrleansGateway sample, started as its own process (a silo on free loopback ports, in-memory storage).</summary>
public sealed class GatewayProcess : IAsyncLifetime
{
    internal SampleServer Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await SampleServer.StartAsync("OrleansGateway", ["--silo-port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), "--gateway-port", "0"],
            new Dictionary<string, string>());
        Http = new HttpClient { BaseAddress = Server.Address };
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed partial class OrleansGatewayTests(GatewayProcess gateway) : IClassFixture<GatewayProcess>
{
    private static readonly string[] SampleLines =
        [.. File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "samples", "data", "events.jsonl")).Where(l => l.Trim().Length > 0)];

    [Fact]
    public async Task The_sample_stream_through_the_gateway_gives_the_in_process_decision_line_of_every_order()
    {
        var (expectedOrders, expectedOthers) = InProcess(SampleLines);
        expectedOrders.Should().NotBeEmpty().And.Contain(l => !l.Contains("\"decision\":\"allow\"", StringComparison.Ordinal), "the stream must hold orders that are not simply allowed");

        // Orders one request each, before they would be routed; each run of other events as one batch.
        var orders = new List<string>();
        var others = new List<string>();
        var run = new List<string>();
        foreach (var line in SampleLines)
        {
            if (!IsOrder(line))
            {
                run.Add(line);
                continue;
            }

            others.AddRange(await IngestAsync(run));
            run.Clear();
            using var response = await gateway.Http.PostAsync("decide", Body(line), TestContext.Current.CancellationToken);
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            orders.Add(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        others.AddRange(await IngestAsync(run));

        string.Concat(orders).Should().Be(string.Concat(expectedOrders), "every order's decision line is byte for byte the in-process one");
        string.Concat(others).Should().Be(string.Concat(expectedOthers));
    }

    [Fact]
    public async Task A_malformed_order_gets_400_with_the_readers_message_naming_the_field()
    {
        var order = SampleLines.First(IsOrder);
        var bad = Quantity().Replace(order, "\"quantity\":-5", 1);
        bad.Should().NotBe(order);
        var error = EventReader.Parse(Encoding.UTF8.GetBytes(bad)).Error!;

        using var response = await gateway.Http.PostAsync("decide", Body(bad), TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        body.Should().Contain("line 1: field 'quantity': " + error.Reason).And.Contain("\"field\":\"quantity\"");
    }

    [Fact]
    public async Task A_batch_with_a_malformed_line_or_an_order_is_refused_naming_each_line()
    {
        var login = SampleLines.First(l => l.Contains("\"type\":\"login\"", StringComparison.Ordinal));
        var broken = login.Replace("\"success\":true", "\"success\":\"yes\"", StringComparison.Ordinal);
        broken.Should().NotBe(login);

        using var response = await gateway.Http.PostAsync("events", Body(login.Replace("evt-", "batch-", StringComparison.Ordinal) + "\n" + broken + "\n" + SampleLines.First(IsOrder)), TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        body.Should().Contain("line 2: field 'success'").And.Contain("line 3: field 'type': an order is decided one at a time by POST /decide");
    }

    /// <summary>One in-process detector over the lines: each order's decision line, and the other events' reportable lines.</summary>
    private static (List<string> Orders, List<string> Others) InProcess(IEnumerable<string> lines)
    {
        using var instruments = File.OpenRead(Path.Combine(RepositoryPaths.Root, "samples", "data", "instruments.json"));
        var detector = new TakeoverDetector(new DetectorOptions(), new InstrumentTable([.. InstrumentReader.ReadAll(instruments).Select(r => r.Value!)]));
        var (orders, others) = (new List<string>(), new List<string>());
        foreach (var line in lines)
        {
            var e = EventReader.Parse(Encoding.UTF8.GetBytes(line)).Value!;
            var decision = detector.Evaluate(e);
            using var stream = new MemoryStream();
            using (var writer = new DecisionWriter(stream, leaveOpen: true))
            {
                if (e is OrderEvent)
                {
                    writer.Write(decision);
                }
                else
                {
                    writer.WriteIfReportable(decision);
                }
            }

            (e is OrderEvent ? orders : others).Add(Encoding.UTF8.GetString(stream.ToArray()));
        }

        others.RemoveAll(l => l.Length == 0);
        return (orders, others);
    }

    private async Task<IEnumerable<string>> IngestAsync(List<string> lines)
    {
        if (lines.Count == 0)
        {
            return [];
        }

        using var response = await gateway.Http.PostAsync("events", Body(string.Join('\n', lines) + "\n"));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        return text.Length == 0 ? [] : text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l + "\n");
    }

    private static bool IsOrder(string line) => EventReader.Parse(Encoding.UTF8.GetBytes(line)).Value is OrderEvent;

    private static StringContent Body(string text) => new(text, Encoding.UTF8, "application/x-ndjson");

    [GeneratedRegex("\"quantity\":[0-9.]+")]
    private static partial Regex Quantity();
}
