using System.Diagnostics.CodeAnalysis;

namespace TakeoverRules.Detection;

/// <summary>Looks up reference data for the instruments the detector sees in orders.</summary>
/// <remarks>Implementations must be safe to call from the thread that evaluates events and must not block.</remarks>
public interface IInstrumentSource
{
    /// <summary>Finds the instrument for a <c>MARKET:CODE</c> symbol.</summary>
    /// <param name="symbol">Instrument as <c>MARKET:CODE</c>.</param>
    /// <param name="instrument">The instrument when found.</param>
    /// <returns>Whether the symbol is known.</returns>
    bool TryGet(string symbol, [NotNullWhen(true)] out Instrument? instrument);
}

/// <summary>An in-memory <see cref="IInstrumentSource"/> built from a list of instruments. Immutable and thread-safe.</summary>
public sealed class InstrumentTable : IInstrumentSource
{
    private readonly Dictionary<string, Instrument> _bySymbol;

    /// <summary>Creates a table; when a symbol appears twice the last entry wins (newer reference data).</summary>
    /// <param name="instruments">The instruments.</param>
    public InstrumentTable(IEnumerable<Instrument> instruments)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        _bySymbol = new Dictionary<string, Instrument>(StringComparer.Ordinal);
        foreach (var instrument in instruments)
        {
            ArgumentNullException.ThrowIfNull(instrument, nameof(instruments));
            _bySymbol[instrument.Symbol] = instrument;
        }
    }

    /// <summary>A table with no instruments: instrument-based indicators stay silent.</summary>
    public static InstrumentTable Empty { get; } = new([]);

    /// <summary>Number of instruments.</summary>
    public int Count => _bySymbol.Count;

    /// <inheritdoc />
    public bool TryGet(string symbol, [NotNullWhen(true)] out Instrument? instrument) =>
        _bySymbol.TryGetValue(symbol, out instrument);
}
