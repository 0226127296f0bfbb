namespace TakeoverRules.Passwords.Matching;

/// <summary>
/// Key adjacency for one keyboard or keypad, built from its layout at start-up. Each key has an (x, y) position;
/// neighbours are the keys one step away in the layout's directions (six on slanted keyboards, eight on keypads),
/// numbered so that a change of direction counts as a turn, as in zxcvbn's adjacency graphs.
/// </summary>
internal sealed class KeyboardGraph
{
    private static readonly (int Dx2, int Dy)[] SlantedDirections = [(-2, 0), (-1, -1), (1, -1), (2, 0), (1, 1), (-1, 1)];
    private static readonly (int Dx2, int Dy)[] AlignedDirections = [(-2, 0), (-2, -1), (0, -1), (2, -1), (2, 0), (2, 1), (0, 1), (-2, 1)];

    private const int MaxKeys = 64;
    private const int GridRows = 8;
    private const int GridColumns = 40; // twice the widest row plus its offset

    // Every key of these layouts is below U+0100 (¥ is U+00A5).
    private readonly int[] _key = new int[256]; // char -> key index + 1 (0 = not on this keyboard)
    private readonly bool[] _shifted = new bool[256];
    private readonly int[][] _neighbours; // key -> direction -> key index + 1

    // Plain loops and a position grid rather than string.Split and List<(int, int)>.IndexOf: those generic
    // instantiations are not precompiled in the framework, and their JIT fell on the first estimate of every process.
    private KeyboardGraph(PasswordKeyboard keyboard, string[] rows, double[] rowOffsets, bool slanted)
    {
        Keyboard = keyboard;
        var directions = slanted ? SlantedDirections : AlignedDirections;
        var x2 = new int[MaxKeys];
        var y2 = new int[MaxKeys];
        var grid = new int[GridRows * GridColumns]; // (x2, y) -> key index + 1
        var count = 0;
        for (var y = 0; y < rows.Length; y++)
        {
            var row = rows[y];
            var x = 0;
            for (var start = 0; start < row.Length; start++)
            {
                if (row[start] == ' ') continue;
                var end = row.IndexOf(' ', start);
                if (end < 0) end = row.Length;
                var key = row.AsSpan(start, end - start);
                start = end;
                if (key is not "_") // "_" is a gap in a keypad
                {
                    x2[count] = (int)Math.Round((rowOffsets[y] + x) * 2);
                    y2[count] = y;
                    var index = ++count;
                    grid[(y * GridColumns) + x2[index - 1]] = index;
                    for (var k = 0; k < key.Length; k++)
                    {
                        var c = key[k];
                        if (_key[c] != 0) continue;
                        _key[c] = index;
                        _shifted[c] = k > 0 && !char.IsLetter(c);
                    }
                }

                x++;
            }
        }

        _neighbours = new int[count][];
        var degreeSum = 0;
        for (var a = 0; a < count; a++)
        {
            _neighbours[a] = new int[directions.Length];
            for (var d = 0; d < directions.Length; d++)
            {
                int tx = x2[a] + directions[d].Dx2, ty = y2[a] + directions[d].Dy;
                var b = tx is >= 0 and < GridColumns && ty is >= 0 and < GridRows ? grid[(ty * GridColumns) + tx] : 0;
                if (b == 0) continue;
                _neighbours[a][d] = b;
                degreeSum++;
            }
        }

        StartingKeys = count;
        AverageDegree = (double)degreeSum / count;
    }

    public PasswordKeyboard Keyboard { get; }

    public double StartingKeys { get; }

    public double AverageDegree { get; }

    public static KeyboardGraph UsQwerty { get; } = new(PasswordKeyboard.UsQwerty,
        ["`~ 1! 2@ 3# 4$ 5% 6^ 7& 8* 9( 0) -_ =+", "qQ wW eE rR tT yY uU iI oO pP [{ ]} \\|", "aA sS dD fF gG hH jJ kK lL ;: '\"", "zZ xX cC vV bB nN mM ,< .> /?"],
        [0, 1.5, 2, 2.5], slanted: true);

    // JIS (JP106/109): the half-width/full-width key sits left of 1; symbols differ from US (research §5.1).
    public static KeyboardGraph JapaneseJis { get; } = new(PasswordKeyboard.JapaneseJis,
        ["1! 2\" 3# 4$ 5% 6& 7' 8( 9) 0 -= ^~ ¥|", "qQ wW eE rR tT yY uU iI oO pP @` [{", "aA sS dD fF gG hH jJ kK lL ;+ :* ]}", "zZ xX cC vV bB nN mM ,< .> /? \\_"],
        [1, 1.5, 2, 2.5], slanted: true);

    public static KeyboardGraph NumericKeypad { get; } = new(PasswordKeyboard.NumericKeypad,
        ["_ / * -", "7 8 9 +", "4 5 6", "1 2 3", "_ 0 ."], [0, 0, 0, 0, 0], slanted: false);

    // US Dvorak on the same ANSI key positions as UsQwerty.
    public static KeyboardGraph Dvorak { get; } = new(PasswordKeyboard.Dvorak,
        ["`~ 1! 2@ 3# 4$ 5% 6^ 7& 8* 9( 0) [{ ]}", "'\" ,< .> pP yY fF gG cC rR lL /? =+ \\|", "aA oO eE uU iI dD hH tT nN sS -_", ";: qQ jJ kK xX bB mM wW vV zZ"],
        [0, 1.5, 2, 2.5], slanted: true);

    // Apple extended keyboard keypad: clear = / * on top, - and + down the right column.
    public static KeyboardGraph MacKeypad { get; } = new(PasswordKeyboard.MacKeypad,
        ["_ = / *", "7 8 9 -", "4 5 6 +", "1 2 3", "_ 0 ."], [0, 0, 0, 0, 0], slanted: false);

    public static KeyboardGraph PhoneKeypad { get; } = new(PasswordKeyboard.PhoneKeypad,
        ["1 2 3", "4 5 6", "7 8 9", "* 0 #"], [0, 0, 0, 0], slanted: false);

    public int KeyOf(char c) => c < 256 ? _key[c] : 0;

    public bool IsShifted(char c) => c < 256 && _shifted[c];

    /// <summary>The direction from key <paramref name="from"/> to key <paramref name="to"/> (1-based keys), or -1.</summary>
    public int DirectionBetween(int from, int to)
    {
        var neighbours = _neighbours[from - 1];
        for (var d = 0; d < neighbours.Length; d++)
        {
            if (neighbours[d] == to) return d;
        }

        return -1;
    }
}
