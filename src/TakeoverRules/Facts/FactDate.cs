using System.Globalization;

namespace TakeoverRules.Facts;

/// <summary>How precisely a <see cref="FactDate"/> is known.</summary>
public enum DatePrecision
{
    /// <summary>The day is known.</summary>
    Day,

    /// <summary>Only the month is known; <see cref="FactDate.Date"/> is the first of that month.</summary>
    Month,

    /// <summary>Only the year is known; <see cref="FactDate.Date"/> is 1 January of that year.</summary>
    Year,
}

/// <summary>What the as-of date of a fact refers to.</summary>
public enum AsOfBasis
{
    /// <summary>The date the source page carries (publication or update).</summary>
    Published,

    /// <summary>The date of the event or data the source describes (used when the page carries no date).</summary>
    Event,

    /// <summary>
    /// The page carries no date and describes no dated event: the value was seen in the sources by the data set's
    /// date. It is current as of that date, but how long before that it held is unknown.
    /// </summary>
    SeenBy,

    /// <summary>The fact describes the state that held <em>before</em> this date (for example broker terms replaced on that day).</summary>
    Before,
}

/// <summary>A calendar date with its precision, as a fact's as-of date or a source's publication date.</summary>
/// <param name="Date">The date; the first of the month when <paramref name="Precision"/> is <see cref="DatePrecision.Month"/>.</param>
/// <param name="Precision">How precisely the date is known.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct FactDate(DateOnly Date, DatePrecision Precision)
{
    /// <summary>Creates a day-precision date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The fact date.</returns>
    public static FactDate Day(DateOnly date) => new(date, DatePrecision.Day);

    /// <summary>Parses <c>yyyy-MM-dd</c> (day precision), <c>yyyy-MM</c> (month precision) or <c>yyyy</c> (year precision).</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="value">The parsed date, when the text is valid.</param>
    /// <returns>Whether the text was a valid date.</returns>
    public static bool TryParse(string? text, out FactDate value)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            value = Day(day);
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            value = new FactDate(month, DatePrecision.Month);
            return true;
        }

        if (text is { Length: 4 } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1)
        {
            value = new FactDate(new DateOnly(year, 1, 1), DatePrecision.Year);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The last day the date can mean: the day itself, or the last day of its month or year.</summary>
    public DateOnly LastDay => Precision switch
    {
        DatePrecision.Month => Date.AddMonths(1).AddDays(-1),
        DatePrecision.Year => new DateOnly(Date.Year, 12, 31),
        _ => Date,
    };

    /// <summary>The date as written in the data: <c>yyyy-MM-dd</c>, <c>yyyy-MM</c> or <c>yyyy</c>.</summary>
    /// <returns>The formatted date.</returns>
    public override string ToString() =>
        Date.ToString(Precision switch { DatePrecision.Month => "yyyy-MM", DatePrecision.Year => "yyyy", _ => "yyyy-MM-dd" }, CultureInfo.InvariantCulture);
}
