namespace TakeoverRules.Detection.Format;

/// <summary>
/// Strict RFC 3339 <c>date-time</c> parsing (section 5.6): <c>YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)</c>. Stricter than
/// <see cref="DateTimeOffset.TryParse(string?, out DateTimeOffset)"/> on purpose: a time without an offset is rejected
/// rather than read in the machine's local zone, which would make detection depend on where it runs.
/// </summary>
internal static class Rfc3339
{
    public const string Example = "2025-03-21T09:15:00+09:00";

    /// <summary>Longest input considered; anything longer is not a date-time (bounds the work on hostile input).</summary>
    private const int MaxLength = 40;

    public static bool TryParse(ReadOnlySpan<byte> s, out DateTimeOffset value, out string? reason)
    {
        value = default;
        reason = null;
        if (s.Length is < 20 or > MaxLength
            || !TryDigits(s, 0, 4, out var year) || s[4] != '-'
            || !TryDigits(s, 5, 2, out var month) || s[7] != '-'
            || !TryDigits(s, 8, 2, out var day)
            || (s[10] | 0x20) != 't'
            || !TryDigits(s, 11, 2, out var hour) || s[13] != ':'
            || !TryDigits(s, 14, 2, out var minute) || s[16] != ':'
            || !TryDigits(s, 17, 2, out var second))
        {
            reason = LooksLikeDateWithoutOffset(s)
                ? $"has no UTC offset; add Z or an offset such as +09:00 (RFC 3339, e.g. {Example})"
                : $"must be an RFC 3339 date-time with offset, e.g. {Example}";
            return false;
        }

        var i = 19;
        long fractionTicks = 0;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            var start = i;
            var scale = TimeSpan.TicksPerSecond;
            while (i < s.Length && IsDigit(s[i]))
            {
                // Digits beyond 100 ns (ticks) are read and dropped: DateTimeOffset cannot hold them.
                scale /= 10;
                fractionTicks += (s[i] - '0') * scale;
                i++;
            }

            if (i == start)
            {
                reason = "has a '.' with no fraction digits after the seconds";
                return false;
            }
        }

        if (i == s.Length)
        {
            reason = $"has no UTC offset; add Z or an offset such as +09:00 (RFC 3339, e.g. {Example})";
            return false;
        }

        int offsetMinutes;
        if ((s[i] | 0x20) == 'z' && i + 1 == s.Length)
        {
            offsetMinutes = 0;
        }
        else if ((s[i] == '+' || s[i] == '-') && i + 6 == s.Length
            && TryDigits(s, i + 1, 2, out var offsetHour) && s[i + 3] == ':' && TryDigits(s, i + 4, 2, out var offsetMinute))
        {
            if (offsetHour > 23 || offsetMinute > 59)
            {
                reason = "has an invalid UTC offset";
                return false;
            }

            offsetMinutes = (offsetHour * 60) + offsetMinute;
            if (offsetMinutes > 14 * 60)
            {
                reason = "has a UTC offset beyond ±14:00";
                return false;
            }

            if (s[i] == '-')
            {
                offsetMinutes = -offsetMinutes;
            }
        }
        else
        {
            reason = $"has an invalid UTC offset; use Z or ±HH:MM (RFC 3339, e.g. {Example})";
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 60)
        {
            reason = "is not a valid calendar date and time";
            return false;
        }

        if (second == 60)
        {
            reason = "is a leap second (:60), which .NET cannot represent; use :59.999 or the next second";
            return false;
        }

        var localTicks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fractionTicks;
        var utcTicks = localTicks - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            reason = "is outside the range of representable times";
            return false;
        }

        value = new DateTimeOffset(localTicks, TimeSpan.FromMinutes(offsetMinutes));
        return true;
    }

    private static bool LooksLikeDateWithoutOffset(ReadOnlySpan<byte> s) =>
        s.Length >= 19 && s.Length <= MaxLength && TryDigits(s, 0, 4, out _) && s[4] == '-' && TryDigits(s, 11, 2, out _)
        && s.IndexOfAny("Zz+"u8) < 0 && s[10..].IndexOf((byte)'-') < 0;

    private static bool TryDigits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!IsDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
