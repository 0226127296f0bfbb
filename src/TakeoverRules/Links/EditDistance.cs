namespace TakeoverRules.Links;

/// <summary>Bounded optimal-string-alignment distance (insert, delete, replace, swap neighbours) on short labels, without allocating.</summary>
internal static class EditDistance
{
    /// <summary>Labels are at most 63 characters; longer input is never compared.</summary>
    public const int MaxLength = 64;

    /// <summary>Returns the distance when it is at most <paramref name="max"/>, otherwise <c>max + 1</c>.</summary>
    public static int Bounded(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max) => Distance(a, b, max, confusable: false);

    /// <summary>
    /// The same distance where ASCII look-alikes cost nothing: the skeleton idea of Unicode TR39 applied to what a
    /// reader sees in an ASCII label. One character may stand for a similar one (<c>0</c>/<c>o</c>, <c>1</c>/<c>l</c>/<c>i</c>,
    /// <c>5</c>/<c>s</c>, …) and two may stand for one (<c>rn</c>, <c>nn</c>, <c>rr</c> for <c>m</c>; <c>vv</c> for
    /// <c>w</c>; <c>cl</c> for <c>d</c>; <c>lc</c> for <c>k</c>; <c>lb</c> for <c>b</c>; <c>lh</c> for <c>h</c>), in either
    /// string, wherever an alignment needs it (no greedy folding that reads <c>cliclc</c> as <c>d</c>, <c>l</c>, <c>d</c>, <c>c</c>).
    /// </summary>
    public static int Confusable(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max) => Distance(a, b, max, confusable: true);

    /// <summary>Whether two ASCII characters look alike (or are equal).</summary>
    public static bool LookAlike(char x, char y) => x == y || (Prototype(x) == Prototype(y) && Prototype(x) != '\0');

    /// <summary>The character's look-alike class: its prototype, or the character itself; <c>'\0'</c> stays <c>'\0'</c>.</summary>
    private static char Look(char c) => Prototype(c) is var p and not '\0' ? p : c;

    /// <summary>The letter two ASCII characters side by side look like, or <c>'\0'</c>.</summary>
    public static char PairPrototype(char first, char second) => (first, second) switch
    {
        ('r', 'n') or ('n', 'n') or ('r', 'r') => 'm',
        ('v', 'v') => 'w',
        ('c', 'l') => 'd',
        ('l', 'c') => 'k',
        ('l', 'b') => 'b',
        ('l', 'h') => 'h',
        _ => '\0',
    };

    private static int Pairs(ReadOnlySpan<char> s)
    {
        var n = 0;
        for (var i = 1; i < s.Length; i++)
        {
            if (PairPrototype(s[i - 1], s[i]) != '\0') n++;
        }

        return n;
    }

    private static char Prototype(char c) => c switch
    {
        '0' or 'o' => 'o',
        '1' or 'i' or 'l' => 'l',
        '5' or 's' => 's',
        '3' or 'e' => 'e',
        '4' or 'a' => 'a',
        '7' or 't' => 't',
        '8' or 'b' => 'b',
        '9' or 'g' => 'g',
        _ => '\0',
    };

    [System.Runtime.CompilerServices.SkipLocalsInit]
    private static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max, bool confusable)
    {
        // Each pair that reads as one letter lets the lengths differ by one more.
        var slackA = confusable ? Pairs(a) : 0;
        var slackB = confusable ? Pairs(b) : 0;
        if (a.Length - b.Length > max + slackA || b.Length - a.Length > max + slackB) return max + 1;
        if (a.Length > MaxLength || b.Length > MaxLength) return max + 1;
        if (a.Length == 0 || b.Length == 0) return Math.Max(a.Length, b.Length) <= max ? Math.Max(a.Length, b.Length) : max + 1;

        var width = b.Length + 1;
        Span<int> rows = stackalloc int[3 * width];

        // What each character of b and each pair ending at it look like, computed once rather than in every row.
        Span<char> bLooks = stackalloc char[b.Length];
        Span<char> bPairLooks = stackalloc char[b.Length];
        if (confusable)
        {
            for (var j = 0; j < b.Length; j++)
            {
                bLooks[j] = Look(b[j]);
                bPairLooks[j] = j > 0 ? Look(PairPrototype(b[j - 1], b[j])) : '\0';
            }
        }

        var before = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        var previousMin = 0;

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            var ai = a[i - 1];
            var aLook = confusable ? Look(ai) : ai;
            var aPairLook = confusable && i > 1 ? Look(PairPrototype(a[i - 2], ai)) : '\0';
            for (var j = 1; j <= b.Length; j++)
            {
                var same = ai == b[j - 1] || (confusable && aLook == bLooks[j - 1]);
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (same ? 0 : 1));
                if (i > 1 && j > 1 && ai == b[j - 2] && a[i - 2] == b[j - 1]) value = Math.Min(value, before[j - 2] + 1);
                if (confusable)
                {
                    if (aPairLook != '\0' && aPairLook == bLooks[j - 1]) value = Math.Min(value, before[j - 1]);
                    if (bPairLooks[j - 1] != '\0' && bPairLooks[j - 1] == aLook) value = Math.Min(value, previous[j - 2]);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            // A pair reaches two rows back, so stop only when neither of the last two rows is within the budget.
            if (rowMin > max && (!confusable || previousMin > max)) return max + 1;
            previousMin = rowMin;
            var recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }

        return Math.Min(previous[b.Length], max + 1);
    }
}
