using System.Text;
using CsCheck;
using TakeoverRules.Detection.Format;

namespace TakeoverRules.Tests.Detection.Format;

public sealed class Rfc3339Tests
{
    [Theory]
    [InlineData("2025-03-21T09:15:00+09:00", 2025, 3, 21, 9, 15, 0, 0, 540)]
    [InlineData("2025-03-21t00:15:00z", 2025, 3, 21, 0, 15, 0, 0, 0)]
    [InlineData("2024-02-29T23:59:59.1234567-05:30", 2024, 2, 29, 23, 59, 59, 1_234_567, -330)]
    [InlineData("2025-03-21T09:15:00.123456789Z", 2025, 3, 21, 9, 15, 0, 1_234_567, 0)]
    [InlineData("2025-03-21T09:15:00.5+14:00", 2025, 3, 21, 9, 15, 0, 5_000_000, 840)]
    public void Accepts_rfc3339_date_times_and_keeps_their_offset(string text, int y, int mo, int d, int h, int mi, int s, long fractionTicks, int offsetMinutes)
    {
        Rfc3339.TryParse(Encoding.ASCII.GetBytes(text), out var value, out var reason).Should().BeTrue(reason);

        value.Should().Be(new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.FromMinutes(offsetMinutes)).AddTicks(fractionTicks));
        value.Offset.Should().Be(TimeSpan.FromMinutes(offsetMinutes));
    }

    [Theory]
    [InlineData("2025-03-21T09:15:00", "has no UTC offset")]
    [InlineData("2025-03-21T09:15:00.25", "has no UTC offset")]
    [InlineData("2025-03-21", "must be an RFC 3339 date-time")]
    [InlineData("2025-03-21 09:15:00Z", "must be an RFC 3339 date-time")]
    [InlineData("2025-3-21T09:15:00Z", "must be an RFC 3339 date-time")]
    [InlineData("2025-03-21T09:15:00+0900", "invalid UTC offset")]
    [InlineData("2025-03-21T09:15:00+09", "invalid UTC offset")]
    [InlineData("2025-03-21T09:15:00.Z", "no fraction digits")]
    [InlineData("2025-13-01T09:15:00Z", "not a valid calendar date")]
    [InlineData("2025-03-21T24:00:00Z", "not a valid calendar date")]
    [InlineData("0000-01-01T00:00:00Z", "not a valid calendar date")]
    [InlineData("0001-01-01T00:00:00+01:00", "outside the range")]
    [InlineData("2016-12-31T23:59:60Z", "leap second")]
    [InlineData("2025-03-21T09:15:00-14:01", "beyond ±14:00")]
    [InlineData("2025-03-21T09:15:00+09:60", "invalid UTC offset")]
    public void Rejects_other_forms_with_a_reason(string text, string reason)
    {
        Rfc3339.TryParse(Encoding.ASCII.GetBytes(text), out _, out var actual).Should().BeFalse();

        actual.Should().Contain(reason);
    }

    [Fact]
    public void Reads_back_what_system_text_json_writes_for_any_time()
    {
        Gen.Select(Gen.Long[DateTime.MinValue.Ticks + TimeSpan.TicksPerDay, DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay], Gen.Int[-840, 840])
            .Sample((ticks, minutes) =>
            {
                var time = new DateTimeOffset(ticks, TimeSpan.FromMinutes(minutes));
                var json = System.Text.Json.JsonSerializer.Serialize(time, TestJson.Default.DateTimeOffset);

                Rfc3339.TryParse(Encoding.UTF8.GetBytes(json.Trim('"')), out var read, out var reason).Should().BeTrue(reason);
                read.Should().Be(time);
                read.Offset.Should().Be(time.Offset);
            }, iter: 2000);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(DateTimeOffset))]
internal sealed partial class TestJson : System.Text.Json.Serialization.JsonSerializerContext;
