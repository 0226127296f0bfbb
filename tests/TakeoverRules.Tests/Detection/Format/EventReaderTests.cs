using System.Text;
using CsCheck;
using TakeoverRules.Detection;
using TakeoverRules.Detection.Format;

namespace TakeoverRules.Tests.Detection.Format;

public sealed class EventReaderTests
{
    private const string Order =
        """{"type":"order","id":"e1","time":"2025-03-21T09:15:00+09:00","account":"A1","orderId":"o1","side":"buy","symbol":"HKEX:08365","quantity":1000,"price":0.42,"orderType":"limit","notionalJpy":8500}""";

    private const string Login =
        """{"type":"login","id":"e2","time":"2025-03-21T09:00:00Z","account":"A1","success":true,"ip":"198.51.100.4","device":"d1","country":"JP","authMethod":"password","channel":"web"}""";

    private const string Portfolio =
        """{"type":"portfolio","id":"e3","time":"2025-03-21T09:00:00Z","account":"A1","positions":[{"symbol":"TSE:7203","quantity":100,"valueJpy":290000}],"cashJpy":0,"buyingPowerJpy":0}""";

    [Fact]
    public void Every_event_type_written_is_read_back_equal()
    {
        var results = EventSamples.Read(EventSamples.ToJsonLines(EventSamples.All));

        results.Should().OnlyContain(r => r.IsSuccess);
        results.Select(r => r.Value).Should().BeEquivalentTo(
            EventSamples.All, o => o.WithStrictOrdering().RespectingRuntimeTypes().ComparingRecordsByMembers());
        results.Select(r => r.Line).Should().Equal(Enumerable.Range(1, EventSamples.All.Count).Select(i => (long)i));
    }

    [Fact]
    public void A_minimal_order_is_read_with_its_fields()
    {
        var result = EventReader.Parse(Encoding.UTF8.GetBytes(Order));

        result.IsSuccess.Should().BeTrue(result.Error?.ToString());
        result.Value.Should().Be(new OrderEvent(
            "e1", new DateTimeOffset(2025, 3, 21, 9, 15, 0, TimeSpan.FromHours(9)), "A1", "o1", OrderSide.Buy, "HKEX:08365", 1000, OrderType.Limit, 8500m)
        { Price = 0.42m });
    }

    [Fact]
    public void Unknown_fields_and_fields_of_other_event_types_are_ignored()
    {
        var line = Order.Replace("{", """{"venue":{"nested":[1,2,{"a":null}]},"success":"not a bool","destination":7,""", StringComparison.Ordinal);

        var result = EventReader.Parse(Encoding.UTF8.GetBytes(line));

        result.IsSuccess.Should().BeTrue(result.Error?.ToString());
        result.Value.Should().BeOfType<OrderEvent>();
    }

    [Fact]
    public void The_type_field_may_come_anywhere_in_the_object()
    {
        var line = """{"id":"e1","account":"A1","time":"2025-03-21T09:15:00+09:00","amountJpy":5000,"destination":"bank-1","type":"withdrawalRequest"}""";

        var result = EventReader.Parse(Encoding.UTF8.GetBytes(line));

        result.Value.Should().Be(new WithdrawalRequestEvent("e1", new DateTimeOffset(2025, 3, 21, 9, 15, 0, TimeSpan.FromHours(9)), "A1", 5000m, "bank-1"));
    }

    [Fact]
    public void Escaped_names_and_values_are_unescaped()
    {
        var line = """{"\u0074ype":"login","id":"e\"1","time":"2025-03-21T09:00:00\u002B09:00","account":"口座\u0031","success":false,"ip":"::1","device":"d","authMethod":"pass\u006Bey","channel":"app"}""";

        var result = EventReader.Parse(Encoding.UTF8.GetBytes(line));

        result.IsSuccess.Should().BeTrue(result.Error?.ToString());
        var login = result.Value.Should().BeOfType<LoginEvent>().Subject;
        login.Id.Should().Be("e\"1");
        login.Account.Should().Be("口座1");
        login.AuthMethod.Should().Be(AuthMethod.Passkey);
        login.Time.Offset.Should().Be(TimeSpan.FromHours(9));
    }

    [Fact]
    public void Null_optional_fields_read_as_absent_and_asn_may_be_a_number()
    {
        var line = Login.Replace("\"country\":\"JP\"", "\"country\":null,\"asn\":64496,\"hosting\":null", StringComparison.Ordinal);

        var login = (LoginEvent)EventReader.Parse(Encoding.UTF8.GetBytes(line)).Value!;

        login.Country.Should().BeNull();
        login.Hosting.Should().BeNull();
        login.Asn.Should().Be("64496");
    }

    [Fact]
    public void Crlf_endings_a_byte_order_mark_blank_lines_and_a_missing_final_newline_are_accepted()
    {
        var text = "\uFEFF" + Order + "\r\n\r\n   \n" + Login;

        var results = EventSamples.Read(text);

        results.Should().HaveCount(2).And.OnlyContain(r => r.IsSuccess);
        results.Select(r => r.Line).Should().Equal(1, 4);
    }

    [Fact]
    public void Bad_lines_are_reported_with_their_line_number_and_the_stream_goes_on()
    {
        var text = string.Join('\n', Order, "not json", Login, Order.Replace("1000", "-1", StringComparison.Ordinal), Portfolio);

        var results = EventSamples.Read(text);

        results.Select(r => r.IsSuccess).Should().Equal(true, false, true, false, true);
        results[1].Error!.Line.Should().Be(2);
        results[3].Error!.Should().BeEquivalentTo(new { Line = 4L, Field = "quantity", Value = "-1" });
    }

    [Fact]
    public void A_line_over_the_limit_is_skipped_without_being_buffered_and_reported()
    {
        var longLine = Order.Replace("\"A1\"", "\"" + new string('x', 5000) + "\"", StringComparison.Ordinal);
        var text = string.Join('\n', Order, longLine, Login);

        var results = EventSamples.Read(Encoding.UTF8.GetBytes(text), maxLineBytes: 1024, readSize: 100);

        results.Select(r => r.IsSuccess).Should().Equal(true, false, true);
        results[1].Error.Should().BeEquivalentTo(new { Line = 2L, Field = (string?)null });
        results[1].Error!.Reason.Should().Contain("longer than the limit of 1,024 bytes");
        results[2].Line.Should().Be(3);
    }

    [Fact]
    public void A_final_line_over_the_limit_without_newline_is_reported()
    {
        var text = Order + "\n" + new string(' ', 3000) + "{}";

        var results = EventSamples.Read(Encoding.UTF8.GetBytes(text), maxLineBytes: 1024, readSize: 512);

        results.Should().HaveCount(2);
        results[1].Error!.Line.Should().Be(2);
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_the_column_of_the_first_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes(Order).ToList();
        bytes.Insert(10, 0xFF);

        var result = EventReader.Parse(bytes.ToArray(), lineNumber: 7);

        result.Error.Should().BeEquivalentTo(new { Line = 7L, Field = (string?)null });
        result.Error!.Reason.Should().Be("is not valid UTF-8 (first bad byte at column 11)");
    }

    public static TheoryData<string, string?, string> Malformed => new()
    {
        { Order.Replace("\"order\"", "\"logout\"", StringComparison.Ordinal), "type", "must be one of login, settingChanged, order" },
        { Order.Replace("\"type\":\"order\",", "", StringComparison.Ordinal), "type", "is required" },
        { Order.Replace("\"type\":\"order\"", "\"type\":3", StringComparison.Ordinal), "type", "must be a string, not a number" },
        { Order.Replace(",\"account\":\"A1\"", "", StringComparison.Ordinal), "account", "is required for order events" },
        { Order.Replace("\"account\":\"A1\"", "\"account\":null", StringComparison.Ordinal), "account", "must be a string, not null" },
        { Order.Replace("\"e1\"", "\"\"", StringComparison.Ordinal), "id", "must not be empty" },
        { Order.Replace("1000", "\"1000\"", StringComparison.Ordinal), "quantity", "must be a number, not a string" },
        { Order.Replace("1000", "1.5", StringComparison.Ordinal), "quantity", "must be a whole number" },
        { Order.Replace("1000", "0", StringComparison.Ordinal), "quantity", "must be greater than zero" },
        { Order.Replace("8500", "-8500", StringComparison.Ordinal), "notionalJpy", "must not be negative" },
        { Order.Replace("8500", "1e400", StringComparison.Ordinal), "notionalJpy", "out of range" },
        { Order.Replace("0.42", "0", StringComparison.Ordinal), "price", "must be greater than zero" },
        { Order.Replace("\"price\":0.42,", "", StringComparison.Ordinal), "price", "is required for a limit order" },
        { Order.Replace("\"buy\"", "\"Buy\"", StringComparison.Ordinal), "side", "must be one of buy, sell (case-sensitive)" },
        { Order.Replace("\"limit\"", "\"stop\"", StringComparison.Ordinal), "orderType", "must be one of limit, market" },
        { Order.Replace("HKEX:08365", "08365", StringComparison.Ordinal), "symbol", "must be MARKET:CODE" },
        { Order.Replace("HKEX:08365", "hkex:08365", StringComparison.Ordinal), "symbol", "must be MARKET:CODE" },
        { Order.Replace("HKEX:08365", "HKEX:", StringComparison.Ordinal), "symbol", "must be MARKET:CODE" },
        { Order.Replace("+09:00", "", StringComparison.Ordinal), "time", "has no UTC offset" },
        { Order.Replace("2025-03-21T09:15:00+09:00", "21/03/2025 09:15", StringComparison.Ordinal), "time", "must be an RFC 3339 date-time" },
        { Order.Replace("2025-03-21", "2025-02-30", StringComparison.Ordinal), "time", "not a valid calendar date" },
        { Order.Replace("+09:00", "+15:00", StringComparison.Ordinal), "time", "beyond ±14:00" },
        { Order.Replace("09:15:00", "08:59:60", StringComparison.Ordinal), "time", "leap second" },
        { Order.Replace("\"2025-03-21T09:15:00+09:00\"", "1742516100", StringComparison.Ordinal), "time", "must be a string holding an RFC 3339 date-time" },
        { Order.Replace("\"quantity\":1000", "\"quantity\":1000,\"quantity\":1", StringComparison.Ordinal), "quantity", "appears more than once" },
        { Order.Replace("\"type\":\"order\"", "\"type\":\"order\",\"type\":\"order\"", StringComparison.Ordinal), "type", "appears more than once" },
        { Login.Replace("\"JP\"", "\"jp\"", StringComparison.Ordinal), "country", "ISO 3166-1 alpha-2" },
        { Login.Replace("\"JP\"", "\"JPN\"", StringComparison.Ordinal), "country", "ISO 3166-1 alpha-2" },
        { Login.Replace("true", "\"yes\"", StringComparison.Ordinal), "success", "must be true or false, not a string" },
        { Login.Replace("\"password\"", "\"sms2\"", StringComparison.Ordinal), "authMethod", "must be one of password, sms, totp, emailOtp, push, passkey" },
        { Login.Replace("\"web\"", "\"desktop\"", StringComparison.Ordinal), "channel", "must be one of web, app, api" },
        { Login.Replace("\"JP\"", "\"JP\",\"asn\":-1", StringComparison.Ordinal), "asn", "non-negative whole number" },
        { Portfolio.Replace("\"quantity\":100", "\"quantity\":-100", StringComparison.Ordinal), "positions[0].quantity", "must not be negative" },
        { Portfolio.Replace(",\"valueJpy\":290000", "", StringComparison.Ordinal), "positions[0].valueJpy", "is required for a position" },
        { Portfolio.Replace("[{", "[7,{", StringComparison.Ordinal), "positions[0]", "must be an object" },
        { Portfolio.Replace("[{\"symbol\":\"TSE:7203\",\"quantity\":100,\"valueJpy\":290000}]", "{}", StringComparison.Ordinal), "positions", "must be an array" },
        { """{"type":"settingChanged","id":"e","time":"2025-03-21T09:00:00Z","account":"A","setting":"nickname"}""", "setting", "must be one of email, phone" },
        { """{"type":"fxConversion","id":"e","time":"2025-03-21T09:00:00Z","account":"A","fromCurrency":"yen","toCurrency":"HKD","amountJpy":1}""", "fromCurrency", "ISO 4217" },
        { """{"type":"withdrawalRequest","id":"e","time":"2025-03-21T09:00:00Z","account":"A","amountJpy":1}""", "destination", "is required for withdrawalRequest events" },
        { """{"type":"execution","id":"e","time":"2025-03-21T09:00:00Z","account":"A","orderId":"o","side":"buy","symbol":"TSE:1","quantity":1,"notionalJpy":1}""", "price", "is required for execution events" },
        { "[1,2]", null, "must be a JSON object" },
        { "\"order\"", null, "must be a JSON object" },
        { Order[..40], "time", "is not valid JSON" },
        { Order + " x", null, "is not valid JSON at column" },
        { Order.Replace("{", "{\"deep\":[[[[[[[[[1]]]]]]]]],", StringComparison.Ordinal), null, "maximum configured depth" },
        { Order.Replace("}", ",}", StringComparison.Ordinal), null, "is not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_line_yields_an_error_naming_the_field_and_reason(string line, string? field, string reason)
    {
        var results = EventSamples.Read(Order + "\n" + line + "\n" + Login);

        results.Should().HaveCount(3);
        results[0].IsSuccess.Should().BeTrue();
        results[2].IsSuccess.Should().BeTrue("the line after a bad one is still read");
        var error = results[1].Error;
        error.Should().NotBeNull();
        error!.Line.Should().Be(2);
        error.Field.Should().Be(field, error.ToString());
        error.Reason.Should().Contain(reason);
        error.ToString().Should().StartWith("line 2: ");
    }

    [Fact]
    public void The_error_quotes_the_offending_value_truncated()
    {
        var line = Order.Replace("HKEX:08365", new string('Z', 300), StringComparison.Ordinal);

        var error = EventReader.Parse(Encoding.UTF8.GetBytes(line), 3).Error!;

        error.Value.Should().HaveLength(EventFormatError.MaxValueLength).And.StartWith("\"ZZZ").And.EndWith("…");
        error.ToString().Should().StartWith("line 3: field 'symbol': must be MARKET:CODE").And.Contain("(was \"ZZZ");
    }

    [Fact]
    public void Write_then_read_returns_equal_events_whatever_the_read_chunk_size()
    {
        Gen.Select(EventGen.Events.List[0, 20], Gen.Int[1, 300]).Sample((events, chunk) =>
        {
            var bytes = Encoding.UTF8.GetBytes(EventSamples.ToJsonLines(events));

            var results = EventSamples.Read(bytes, readSize: chunk);

            results.Where(r => !r.IsSuccess).Select(r => r.Error).Should().BeEmpty();
            results.Select(r => r.Value).Should().BeEquivalentTo(
                events, o => o.WithStrictOrdering().RespectingRuntimeTypes().ComparingRecordsByMembers());
        }, iter: 300);
    }

    [Fact]
    public void Arbitrary_bytes_never_throw_and_every_error_names_its_line()
    {
        Gen.Byte.Array[0, 400].Sample(bytes =>
        {
            var results = EventSamples.Read(bytes, maxLineBytes: 200, readSize: 37);

            foreach (var r in results.Where(r => !r.IsSuccess))
            {
                // LF, CR and CRLF each end a line.
                var breaks = bytes.Count(b => b == '\n') + bytes.Where((b, i) => b == '\r' && (i + 1 == bytes.Length || bytes[i + 1] != '\n')).Count();
                r.Error!.Line.Should().BeInRange(1, breaks + 1);
                r.Error.Reason.Should().NotBeNullOrWhiteSpace();
            }
        }, iter: 2000);
    }

    [Fact]
    public void Mutated_valid_lines_never_throw_and_yield_an_event_or_an_error_on_that_line()
    {
        var valid = Encoding.UTF8.GetBytes(EventSamples.ToJsonLines(EventSamples.All));
        Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte, Gen.Int[0, 2]).Array[1, 6].Sample(edits =>
        {
            var bytes = valid.ToList();
            foreach (var (at, value, kind) in edits)
            {
                var i = Math.Min(at, bytes.Count - 1);
                if (kind == 0) bytes[i] = value;
                else if (kind == 1) bytes.Insert(i, value);
                else bytes.RemoveAt(i);
            }

            var results = EventSamples.Read(bytes.ToArray());

            results.Select(r => r.Line).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        }, iter: 2000);
    }
}
