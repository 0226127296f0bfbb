using CsCheck;
using TakeoverRules.Facts;

namespace TakeoverRules.Tests.Facts;

public sealed class FactDateTests
{
    [Theory]
    [InlineData("2025-05-02", DatePrecision.Day, "2025-05-02", "2025-05-02")]
    [InlineData("2025-04", DatePrecision.Month, "2025-04-01", "2025-04-30")]
    [InlineData("2012", DatePrecision.Year, "2012-01-01", "2012-12-31")]
    public void Parses_day_month_and_year_precision_and_knows_the_last_day_it_can_mean(string text, DatePrecision precision, string first, string last)
    {
        FactDate.TryParse(text, out var date).Should().BeTrue();

        date.Precision.Should().Be(precision);
        date.Date.Should().Be(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture));
        date.LastDay.Should().Be(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture));
        date.ToString().Should().Be(text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2025-13-01")]
    [InlineData("2025/05/02")]
    [InlineData("25")]
    [InlineData("0000")]
    [InlineData("soon")]
    public void Rejects_anything_else(string? text) => FactDate.TryParse(text, out _).Should().BeFalse();

    [Fact]
    public void Round_trips_every_day() =>
        Gen.Int[0, 40_000].Select(d => FactDate.Day(new DateOnly(1990, 1, 1).AddDays(d))).Sample(date =>
        {
            FactDate.TryParse(date.ToString(), out var back).Should().BeTrue();
            back.Should().Be(date);
        });
}

public sealed class FactQuantityTests
{
    [Theory]
    [InlineData(6903, QuantityQualifier.AsReported, 6900, QuantityQualifier.About, true)]
    [InlineData(6770, QuantityQualifier.AsReported, 6700, QuantityQualifier.Over, true)]
    [InlineData(2930, QuantityQualifier.AsReported, 3000, QuantityQualifier.Over, false)]
    [InlineData(2746, QuantityQualifier.AsReported, 2987, QuantityQualifier.AsReported, false)]
    [InlineData(3050, QuantityQualifier.About, 3000, QuantityQualifier.Over, true)]
    [InlineData(95, QuantityQualifier.About, 95, QuantityQualifier.AsReported, true)]
    public void Two_reports_are_consistent_when_both_can_be_true(decimal a, QuantityQualifier qa, decimal b, QuantityQualifier qb, bool consistent)
    {
        var x = new FactQuantity(a, "JPY", qa);
        var y = new FactQuantity(b, "JPY", qb);

        x.IsConsistentWith(y).Should().Be(consistent);
        y.IsConsistentWith(x).Should().Be(consistent, "consistency is symmetric");
    }

    [Fact]
    public void Different_units_never_agree() =>
        new FactQuantity(18, "firms", QuantityQualifier.AsReported).IsConsistentWith(new FactQuantity(18, "count", QuantityQualifier.AsReported)).Should().BeFalse();

    [Fact]
    public void Prints_the_qualifier() =>
        new FactQuantity(12_900_000_000m, "JPY", QuantityQualifier.About).ToString().Should().Be("~12,900,000,000 JPY");
}
