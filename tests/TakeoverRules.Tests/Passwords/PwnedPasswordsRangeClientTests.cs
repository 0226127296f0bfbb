using System.Text;
using TakeoverRules.Passwords;

namespace TakeoverRules.Tests.Passwords;

public sealed class PwnedPasswordsRangeClientTests
{
    private const string Secret = "correct-horse-Ｐａｓｓ-2025";

    private static PwnedPasswordsRangeClient Client(HttpClient http, Uri baseAddress, TimeSpan? timeout = null, int maxBytes = 1024 * 1024) =>
        new(http, new PwnedPasswordsRangeOptions { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(10), MaxResponseBytes = maxBytes });

    private static string RangeBody(string suffix, long count, int paddingLines, int otherLines, bool crlf = true)
    {
        var random = new Random(7);
        var lines = new List<string>();
        for (var i = 0; i < otherLines; i++) lines.Add($"{PwnedTestHashes.RandomSuffix(random, suffix)}:{random.Next(1, 5000)}");
        for (var i = 0; i < paddingLines; i++) lines.Add($"{PwnedTestHashes.RandomSuffix(random, suffix)}:0");
        if (count >= 0) lines.Add($"{suffix}:{count}");
        lines.Sort(StringComparer.Ordinal);
        return string.Join(crlf ? "\r\n" : "\n", lines);
    }

    [Fact]
    public async Task A_breached_password_is_found_with_its_count_from_SUFFIX_COUNT_lines()
    {
        await using var server = LoopbackHttpServer.Returning(RangeBody(PwnedTestHashes.Suffix(Secret), 3861493, paddingLines: 300, otherLines: 500));
        using var http = new HttpClient();

        var result = await Client(http, server.BaseAddress).CheckAsync(Secret, TestContext.Current.CancellationToken);

        result.Status.Should().Be(BreachStatus.Found);
        result.Count.Should().Be(3861493);
        result.IsBreached.Should().BeTrue();
    }

    [Fact]
    public async Task A_password_absent_from_the_range_is_not_found()
    {
        await using var server = LoopbackHttpServer.Returning(RangeBody(PwnedTestHashes.Suffix(Secret), -1, paddingLines: 100, otherLines: 800, crlf: false));
        using var http = new HttpClient();

        var result = await Client(http, server.BaseAddress).CheckAsync(Secret, TestContext.Current.CancellationToken);

        result.Should().Be(BreachCheckResult.NotFound);
    }

    [Fact]
    public async Task A_padding_line_with_count_0_never_counts_as_breached()
    {
        await using var server = LoopbackHttpServer.Returning(RangeBody(PwnedTestHashes.Suffix(Secret), 0, paddingLines: 10, otherLines: 10));
        using var http = new HttpClient();

        var result = await Client(http, server.BaseAddress).CheckAsync(Secret, TestContext.Current.CancellationToken);

        result.Status.Should().Be(BreachStatus.NotFound);
    }

    [Fact]
    public async Task Lower_case_suffixes_in_the_response_still_match()
    {
        await using var server = LoopbackHttpServer.Returning(PwnedTestHashes.Suffix(Secret).ToLowerInvariant() + ":12\r\n");
        using var http = new HttpClient();

        (await Client(http, server.BaseAddress).CheckAsync(Secret, TestContext.Current.CancellationToken)).Count.Should().Be(12);
    }

    [Fact]
    public async Task Only_the_5_hex_prefix_of_the_SHA1_leaves_the_process_with_the_padding_header()
    {
        await using var server = LoopbackHttpServer.Returning("");
        using var http = new HttpClient();

        await Client(http, server.BaseAddress).CheckAsync(Secret, TestContext.Current.CancellationToken);

        var request = server.Requests.Should().ContainSingle().Subject;
        var lines = request.Split("\r\n");
        lines[0].Should().Be($"GET /range/{PwnedTestHashes.Prefix(Secret)} HTTP/1.1");
        request.Should().Contain("Add-Padding: true");
        request.Should().NotContainAny(PwnedTestHashes.Suffix(Secret), PwnedTestHashes.Suffix(Secret)[..6], Secret, "Content-Length");
    }

    [Fact]
    public async Task The_padding_header_is_left_out_when_disabled()
    {
        await using var server = LoopbackHttpServer.Returning("");
        using var http = new HttpClient();
        var client = new PwnedPasswordsRangeClient(http, new PwnedPasswordsRangeOptions { BaseAddress = server.BaseAddress, AddPadding = false });

        await client.CheckAsync(Secret, TestContext.Current.CancellationToken);

        server.Requests.Single().Should().NotContain("Add-Padding");
    }

    [Fact]
    public async Task An_HTTP_error_status_is_unavailable_naming_the_status()
    {
        await using var server = LoopbackHttpServer.Returning("busy", status: 503);
        using var http = new HttpClient();

        var result = await Client(http, server.BaseAddress).CheckAsync(Secret, TestContext.Current.CancellationToken);

        result.Status.Should().Be(BreachStatus.Unavailable);
        result.Failure.Should().Be(BreachCheckFailure.HttpStatus);
        result.Detail.Should().Be("HTTP 503");
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_as_unavailable()
    {
        await using var server = new LoopbackHttpServer(async (_, _, ct) => await Task.Delay(Timeout.Infinite, ct));
        using var http = new HttpClient();

        var result = await Client(http, server.BaseAddress, TimeSpan.FromMilliseconds(300)).CheckAsync(Secret, TestContext.Current.CancellationToken);

        result.Failure.Should().Be(BreachCheckFailure.Timeout);
    }

    [Fact]
    public async Task A_body_that_trickles_in_forever_times_out_as_unavailable()
    {
        await using var server = new LoopbackHttpServer(async (_, stream, ct) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n"), ct);
            while (true)
            {
                await stream.WriteAsync("0"u8.ToArray(), ct);
                await stream.FlushAsync(ct);
                await Task.Delay(20, ct);
            }
        });
        using var http = new HttpClient();

        var result = await Client(http, server.BaseAddress, TimeSpan.FromMilliseconds(400)).CheckAsync(Secret, TestContext.Current.CancellationToken);

        result.Failure.Should().Be(BreachCheckFailure.Timeout);
    }

    [Fact]
    public async Task A_response_larger_than_the_limit_is_refused_without_reading_it_all()
    {
        var body = RangeBody(PwnedTestHashes.Suffix(Secret), 5, paddingLines: 0, otherLines: 2000);
        await using var server = LoopbackHttpServer.Returning(body);
        using var http = new HttpClient();

        var result = await Client(http, server.BaseAddress, maxBytes: 4096).CheckAsync(Secret, TestContext.Current.CancellationToken);

        result.Failure.Should().Be(BreachCheckFailure.ResponseTooLarge);
    }

    [Fact]
    public async Task A_chunked_response_without_length_is_still_bounded()
    {
        await using var server = new LoopbackHttpServer(async (_, stream, ct) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"), ct);
            var line = Encoding.ASCII.GetBytes(new string('A', 35) + ":1\r\n");
            while (true)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{line.Length:X}\r\n"), ct);
                await stream.WriteAsync(line, ct);
                await stream.WriteAsync("\r\n"u8.ToArray(), ct);
            }
        });
        using var http = new HttpClient();

        var result = await Client(http, server.BaseAddress, maxBytes: 8192).CheckAsync(Secret, TestContext.Current.CancellationToken);

        result.Failure.Should().Be(BreachCheckFailure.ResponseTooLarge);
    }

    [Theory]
    [InlineData("<html>not the API</html>", 1)]
    [InlineData("0018A45C4D1DEF81644B54AB7F969B88D65:1\r\nZZZ:2\r\n", 2)]
    [InlineData("0018A45C4D1DEF81644B54AB7F969B88D65:many\r\n", 1)]
    public async Task A_malformed_line_is_unavailable_naming_the_line(string body, int line)
    {
        await using var server = LoopbackHttpServer.Returning(body);
        using var http = new HttpClient();

        var result = await Client(http, server.BaseAddress).CheckAsync(Secret, TestContext.Current.CancellationToken);

        result.Failure.Should().Be(BreachCheckFailure.MalformedData);
        result.Detail.Should().StartWith($"line {line}:");
    }

    [Fact]
    public async Task Cancellation_by_the_caller_throws_instead_of_reporting_a_timeout()
    {
        await using var server = new LoopbackHttpServer(async (_, _, ct) => await Task.Delay(Timeout.Infinite, ct));
        using var http = new HttpClient();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var act = async () => await Client(http, server.BaseAddress).CheckAsync(Secret, cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task A_refused_connection_is_a_network_error()
    {
        Uri closed;
        await using (var server = LoopbackHttpServer.Returning("")) closed = server.BaseAddress;
        using var http = new HttpClient();

        var result = await Client(http, closed).CheckAsync(Secret, TestContext.Current.CancellationToken);

        result.Failure.Should().Be(BreachCheckFailure.NetworkError);
    }

    [Theory]
    [InlineData("http://api.example.com/", "BaseAddress: must use https")]
    [InlineData("ftp://127.0.0.1/", "BaseAddress: must use https")]
    public void Options_refuse_plain_http_except_on_loopback(string address, string error) =>
        new PwnedPasswordsRangeOptions { BaseAddress = new Uri(address) }.Validate().Should().ContainSingle().Which.Should().StartWith(error);

    [Fact]
    public void Options_name_every_invalid_value()
    {
        var errors = new PwnedPasswordsRangeOptions { Timeout = TimeSpan.Zero, MaxResponseBytes = 10 }.Validate();

        errors.Should().BeEquivalentTo(
            "Timeout: must be more than 0 and at most 00:02:00 (was 00:00:00)",
            "MaxResponseBytes: must be between 1024 and 67108864 (was 10)");
        FluentActions.Invoking(() => new PwnedPasswordsRangeClient(new HttpClient(), new PwnedPasswordsRangeOptions { Timeout = TimeSpan.Zero }))
            .Should().Throw<ArgumentException>().WithMessage("*Timeout*");
    }
}
