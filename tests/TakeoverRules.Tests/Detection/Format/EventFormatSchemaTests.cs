using System.Text.Json;
using TakeoverRules.Detection.Format;

namespace TakeoverRules.Tests.Detection.Format;

/// <summary>Keeps <c>docs/event-format.schema.json</c> in step with what the reader accepts.</summary>
public sealed class EventFormatSchemaTests
{
    private static readonly JsonElement Defs = LoadDefs();

    [Fact]
    public void The_schema_lists_exactly_the_event_types_and_vocabularies_the_reader_accepts()
    {
        Enum(Defs.GetProperty("event").GetProperty("properties").GetProperty("type")).Should().Equal(WireValues.EventTypes);
        Enum(Property("login", "authMethod")).Should().Equal(WireValues.AuthMethods);
        Enum(Property("login", "channel")).Should().Equal(WireValues.Channels);
        Enum(Property("settingChanged", "setting")).Should().Equal(WireValues.Settings);
        Enum(Property("order", "side")).Should().Equal(WireValues.Sides);
        Enum(Property("order", "orderType")).Should().Equal(WireValues.OrderTypes);
    }

    [Theory]
    [InlineData("login", "success ip device authMethod channel")]
    [InlineData("settingChanged", "setting")]
    [InlineData("order", "orderId side symbol quantity orderType notionalJpy")]
    [InlineData("execution", "orderId side symbol quantity price notionalJpy")]
    [InlineData("fxConversion", "fromCurrency toCurrency amountJpy")]
    [InlineData("withdrawalRequest", "amountJpy destination")]
    [InlineData("portfolio", "positions cashJpy buyingPowerJpy")]
    public void The_schema_requires_the_fields_the_reader_requires(string type, string fields)
    {
        var required = Defs.GetProperty(type).GetProperty("required").EnumerateArray().Select(e => e.GetString()).ToList();
        required.Should().BeEquivalentTo(["type", "id", "time", "account", .. fields.Split(' ')]);

        foreach (var field in fields.Split(' '))
        {
            var sample = EventSamples.All.First(e => WireValues.EventTypes[(int)e.Type] == type);
            var line = EventSamples.ToJsonLines([sample]);
            using var doc = JsonDocument.Parse(line);
            var without = "{" + string.Join(",", doc.RootElement.EnumerateObject().Where(p => p.Name != field).Select(p => p.ToString())) + "}";

            EventReader.Parse(System.Text.Encoding.UTF8.GetBytes(without)).Error!.Field.Should().Be(field);
        }
    }

    private static JsonElement Property(string type, string field) => Defs.GetProperty(type).GetProperty("properties").GetProperty(field);

    private static IEnumerable<string?> Enum(JsonElement e) => e.GetProperty("enum").EnumerateArray().Select(v => v.GetString());

    private static JsonElement LoadDefs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "docs", "event-format.schema.json");
            if (File.Exists(path))
            {
                return JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("$defs").Clone();
            }
        }

        throw new InvalidOperationException("docs/event-format.schema.json not found above " + AppContext.BaseDirectory);
    }
}
