using System.Text;
using TakeoverRules.Detection;
using TakeoverRules.Detection.Format;

namespace TakeoverRules.Tests.Detection.Format;

public sealed class InstrumentReaderTests
{
    private const string Toyota =
        """{"symbol":"TSE:7203","market":"TSE","currency":"JPY","lastPrice":2900.5,"lastPriceJpy":2900.5,"avgDailyTurnoverJpy":150000000000,"lotSize":100}""";

    private const string HkSmallCap =
        """{"symbol":"HKEX:08365","market":"HKEX","currency":"HKD","lastPrice":0.42,"lastPriceJpy":8.1,"avgDailyTurnoverJpy":3200000,"lotSize":4000}""";

    private static readonly Instrument ToyotaInstrument = new("TSE:7203", "TSE", "JPY", 2900.5m, 2900.5m, 150_000_000_000m, 100);

    private static List<ReadResult<Instrument>> Read(string text, int readSize = int.MaxValue) =>
        [.. InstrumentReader.ReadAll(new TrickleStream(Encoding.UTF8.GetBytes(text), readSize))];

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(7)]
    public void A_json_array_is_read_element_by_element_with_line_numbers(int readSize)
    {
        var text = "\uFEFF\n[\n  " + Toyota + ",\n  " + HkSmallCap + "\n]\n";

        var results = Read(text, readSize);

        results.Should().HaveCount(2).And.OnlyContain(r => r.IsSuccess);
        results[0].Value.Should().Be(ToyotaInstrument);
        results[1].Value!.LotSize.Should().Be(4000);
        results.Select(r => r.Line).Should().Equal(3, 4);
    }

    [Fact]
    public void An_empty_array_has_no_instruments() => Read(" [ ] ").Should().BeEmpty();

    [Fact]
    public void Json_lines_are_read_one_instrument_per_line() =>
        Read("\n" + Toyota + "\n" + HkSmallCap).Select(r => (r.Line, r.Value!.Symbol)).Should().Equal((2L, "TSE:7203"), (3L, "HKEX:08365"));

    [Fact]
    public void A_large_array_streams_across_buffer_boundaries()
    {
        var items = Enumerable.Range(0, 5000).Select(i => Toyota.Replace("7203", i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var text = "[" + string.Join(",\n", items) + "]";

        var results = Read(text, readSize: 10_000);

        results.Should().HaveCount(5000).And.OnlyContain(r => r.IsSuccess);
        results[^1].Should().BeEquivalentTo(new { Line = 5000L, Value = new { Symbol = "TSE:04999" } });
    }

    public static TheoryData<string, string?, string> Malformed => new()
    {
        { Toyota.Replace("\"market\":\"TSE\"", "\"market\":\"OSE\"", StringComparison.Ordinal), "market", "must match the market of symbol TSE:7203" },
        { Toyota.Replace(",\"lotSize\":100", "", StringComparison.Ordinal), "lotSize", "is required for an instrument" },
        { Toyota.Replace("\"lotSize\":100", "\"lotSize\":0", StringComparison.Ordinal), "lotSize", "must be greater than zero" },
        { Toyota.Replace("\"JPY\"", "\"yen\"", StringComparison.Ordinal), "currency", "ISO 4217" },
        { Toyota.Replace("\"lastPrice\":2900.5", "\"lastPrice\":-1", StringComparison.Ordinal), "lastPrice", "must be greater than zero" },
        { Toyota.Replace("150000000000", "\"lots\"", StringComparison.Ordinal), "avgDailyTurnoverJpy", "must be a number, not a string" },
        { Toyota.Replace("\"symbol\":\"TSE:7203\"", "\"symbol\":\"7203\"", StringComparison.Ordinal), "symbol", "MARKET:CODE" },
        { Toyota.Replace("\"lotSize\":100", "\"lotSize\":100,\"lotSize\":1", StringComparison.Ordinal), "lotSize", "appears more than once" },
        { "42", null, "must be a JSON object" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_bad_instrument_line_is_reported_and_skipped(string line, string? field, string reason)
    {
        var results = Read(Toyota + "\n" + line + "\n" + HkSmallCap);

        results.Select(r => r.IsSuccess).Should().Equal(true, false, true);
        results[1].Error.Should().BeEquivalentTo(new { Line = 2L, Field = field });
        results[1].Error!.Reason.Should().Contain(reason);
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_bad_array_element_is_reported_and_the_array_goes_on(string element, string? field, string reason)
    {
        var results = Read("[\n" + Toyota + ",\n" + element + ",\n" + HkSmallCap + "\n]");

        results.Select(r => r.IsSuccess).Should().Equal(true, false, true);
        results[1].Error.Should().BeEquivalentTo(new { Line = 3L, Field = field });
        results[1].Error!.Reason.Should().Contain(reason);
    }

    [Theory]
    [InlineData("[\n" + Toyota + ",\n{\"symbol\":}\n]", 3, "is not valid JSON")]
    [InlineData("[\n" + Toyota + "\n", 3, "ends before its closing ']'")]
    [InlineData("[\n" + Toyota + "\n] x", 3, "has content after the closing ']'")]
    public void A_syntax_error_in_an_array_ends_the_read_with_its_line(string text, long line, string reason)
    {
        var results = Read(text);

        results.Should().HaveCount(2);
        results[0].IsSuccess.Should().BeTrue();
        results[1].Error!.Line.Should().Be(line);
        results[1].Error!.Reason.Should().Contain(reason);
    }

    [Fact]
    public void An_array_element_over_the_limit_ends_the_read_without_buffering_the_rest()
    {
        var huge = Toyota.Replace("{", "{\"note\":\"" + new string('x', 200_000) + "\",", StringComparison.Ordinal);
        var text = "[" + Toyota + ",\n" + huge + "," + HkSmallCap + "]";

        var results = InstrumentReader.ReadAll(new TrickleStream(Encoding.UTF8.GetBytes(text), 4096)).ToList();
        using var reader = new InstrumentReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), maxLineBytes: 1024);
        var limited = new List<ReadResult<Instrument>>();
        while (reader.TryRead(out var r))
        {
            limited.Add(r);
        }

        results.Should().HaveCount(3).And.OnlyContain(r => r.IsSuccess);
        limited.Should().HaveCount(2);
        limited[1].Error!.Reason.Should().Contain("longer than the limit of 1,024 bytes");
    }
}
