using TakeoverRules.Detection;

namespace TakeoverRules.Tests.Detection;

/// <summary>The one list of numeric options that validation and the configuration hash read.</summary>
public sealed class DetectorOptionsTests
{
    [Fact]
    public void The_numeric_table_names_every_public_option_but_the_flag_the_country_the_key_and_the_memory_bound()
    {
        var properties = typeof(DetectorOptions).GetProperties().Select(p => p.Name)
            .Except([nameof(DetectorOptions.HoldSells), nameof(DetectorOptions.HomeCountry), nameof(DetectorOptions.SnapshotKey), nameof(DetectorOptions.MaxAccountsInMemory)]);

        DetectorOptions.Numeric.Select(o => o.Name).Should().BeEquivalentTo(properties);
    }

    [Fact]
    public void Every_option_in_the_table_changes_the_configuration_hash()
    {
        var baseline = new TakeoverDetector(new DetectorOptions(), InstrumentTable.Empty).ConfigurationHash;
        foreach (var (name, _, min, max) in DetectorOptions.Numeric)
        {
            var options = new DetectorOptions();
            var property = typeof(DetectorOptions).GetProperty(name)!;
            var current = Convert.ToDouble(property.GetValue(options), System.Globalization.CultureInfo.InvariantCulture);
            var other = current < max ? Math.Min(max, current + (property.PropertyType == typeof(int) ? 1 : Math.Max(1e-6, (max - min) / 1000))) : current - 1;
            property.SetValue(options, property.PropertyType.IsEnum
                ? Enum.ToObject(property.PropertyType, (int)other)
                : Convert.ChangeType(other, property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));

            new TakeoverDetector(options, InstrumentTable.Empty).ConfigurationHash.Should().NotBe(baseline, name + " is part of the configuration");
        }
    }
}
