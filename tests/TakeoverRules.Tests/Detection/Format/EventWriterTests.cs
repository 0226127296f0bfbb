using TakeoverRules.Detection;
using TakeoverRules.Detection.Format;

namespace TakeoverRules.Tests.Detection.Format;

public sealed class EventWriterTests
{
    [Fact]
    public void Writes_one_camel_case_line_per_event_with_type_id_time_and_account_first()
    {
        var lines = EventSamples.ToJsonLines(EventSamples.All.Take(2)).Split('\n');

        lines.Should().Equal(
            """{"type":"login","id":"e1","time":"2025-03-21T09:15:00+09:00","account":"A-1001","success":true,"ip":"203.0.113.7","device":"dev-7f3a","country":"JP","asn":"AS64496","hosting":false,"authMethod":"sms","channel":"web"}""",
            """{"type":"settingChanged","id":"e2","time":"2025-03-21T09:16:00+09:00","account":"A-1001","setting":"loginNotifications","enabled":false}""",
            "");
    }

    [Fact]
    public void Absent_optional_fields_are_omitted_and_japanese_text_stays_readable()
    {
        var order = new OrderEvent("注文-1", EventSamples.Time, "口座", "o", OrderSide.Buy, "TSE:7203", 100, OrderType.Market, 290_000m);

        var line = EventSamples.ToJsonLines([order]);

        line.Should().Be("""{"type":"order","id":"注文-1","time":"2025-03-21T09:15:00+09:00","account":"口座","orderId":"o","side":"buy","symbol":"TSE:7203","quantity":100,"orderType":"market","notionalJpy":290000}""" + "\n");
    }

    [Fact]
    public void Vocabularies_are_the_camel_case_names_of_the_enums()
    {
        static IEnumerable<string> CamelCase<T>() where T : struct, Enum =>
            Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]);

        WireValues.EventTypes.Should().Equal(CamelCase<AccountEventType>());
        WireValues.AuthMethods.Should().Equal(CamelCase<AuthMethod>());
        WireValues.Channels.Should().Equal(CamelCase<LoginChannel>());
        WireValues.Settings.Should().Equal(CamelCase<AccountSetting>());
        WireValues.Sides.Should().Equal(CamelCase<OrderSide>());
        WireValues.OrderTypes.Should().Equal(CamelCase<OrderType>());
    }
}
