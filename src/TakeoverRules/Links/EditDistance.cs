namespace TakeoverRules.Links;

/// <summary>Bounded optimal-string-alignment distance (insert, delete, replace, swap neighbours) on short labels, without allocating.</summary>
internal static class EditDistance
{
    /// <summary>Labels are at most 63 characters; longer input is never compared.</summary>
    public const int MaxLength = 64;

    /// <summary>Returns the distance when it is at most <paramref name="max"/>, otherwise <c>max + 1</c>.</summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public static int Bounded(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        if (a.Length > MaxLength || b.Length > MaxLength) return max + 1;
        if (a.Length == 0 || b.Length == 0) return Math.Max(a.Length, b.Length) <= max ? Math.Max(a.Length, b.Length) : max + 1;

        var width = b.Length + 1;
        Span<int> rows = stackalloc int[3 * width];
        var before = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j <= b.Length; j++) previous[j] = j;

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = Math.Min(value, before[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max) return max + 1;
            var recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }

        return Math.Min(previous[b.Length], max + 1);
    }
}
