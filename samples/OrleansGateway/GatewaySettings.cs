using System.Globalization;

namespace OrleansGateway;

/// <summary>
/// The gateway's settings, from configuration: appsettings.json, <c>OrleansGateway__*</c> environment variables or the
/// command line (<c>--postgres CONN</c>, <c>--instruments PATH</c>, <c>--load N</c>, …; a command-line key is also
/// accepted without the <c>OrleansGateway:</c> prefix).
/// </summary>
internal sealed record GatewaySettings
{
    public const string Section = "OrleansGateway";

    /// <summary>Npgsql connection string of the grain storage; null keeps the state in the silo's memory.</summary>
    public string? Postgres { get; init; }

    /// <summary>Instrument reference data (JSON array or JSON Lines); default the copy of samples/data/instruments.json next to the program.</summary>
    public string Instruments { get; init; } = Path.Combine(AppContext.BaseDirectory, "data", "instruments.json");

    /// <summary>Orleans ServiceId: the key of this deployment's state in the storage, kept across restarts.</summary>
    public string ServiceId { get; init; } = "takeoverrules-gateway";

    public int SiloPort { get; init; } = 11111;

    public int GatewayPort { get; init; } = 30000;

    /// <summary>The write-behind bound of the account grains (<c>DetectionGrainOptions.MaxUnpersistedEvents</c>).</summary>
    public int MaxUnpersistedEvents { get; init; } = 8;

    /// <summary>When above 0, no endpoint: a load run of this many timed order decisions (see docs/hosting.md).</summary>
    public int Load { get; init; }

    /// <summary>Concurrent callers of the load run.</summary>
    public int Concurrency { get; init; } = 64;

    /// <summary>Accounts of the load run's population.</summary>
    public int Accounts { get; init; } = 20_000;

    public static GatewaySettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        string? Get(string key) => section[key] is { Length: > 0 } v ? v : configuration[key] is { Length: > 0 } w ? w : null;
        int Int(string key, int fallback) => Get(key) is { } v
            ? int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw new ArgumentException($"{key} must be a whole number ≥ 0 (is '{v}')")
            : fallback;

        var defaults = new GatewaySettings();
        return new GatewaySettings
        {
            Postgres = Get(nameof(Postgres)),
            Instruments = Get(nameof(Instruments)) ?? defaults.Instruments,
            ServiceId = Get(nameof(ServiceId)) ?? defaults.ServiceId,
            SiloPort = Int(nameof(SiloPort), defaults.SiloPort),
            GatewayPort = Int(nameof(GatewayPort), defaults.GatewayPort),
            MaxUnpersistedEvents = Int(nameof(MaxUnpersistedEvents), defaults.MaxUnpersistedEvents),
            Load = Int(nameof(Load), 0),
            Concurrency = Math.Max(1, Int(nameof(Concurrency), defaults.Concurrency)),
            Accounts = Math.Max(1, Int(nameof(Accounts), defaults.Accounts)),
        };
    }

    /// <summary>Never the connection string: it holds the database password.</summary>
    public override string ToString() =>
        $"storage {(Postgres is null ? "memory" : "PostgreSQL")}, service {ServiceId}, silo port {SiloPort}, gateway port {GatewayPort}, write-behind {MaxUnpersistedEvents}";
}

internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "OrleansGateway: {Settings}")]
    public static partial void Started(ILogger logger, GatewaySettings settings);
}
