using System.Diagnostics;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using TakeoverRules;
using TakeoverRules.Detection;
using TakeoverRules.Detection.Format;
using TakeoverRules.Orleans;

namespace OrleansGateway;

/// <summary>The silo this process hosts: localhost clustering, the detection grains, and their storage.</summary>
internal static class GatewaySilo
{
    /// <summary>The name the real storage is registered under when <see cref="StorageMeter"/> wraps it.</summary>
    private const string MeteredStore = "TakeoverRules.Metered";

    /// <summary>
    /// Configures <paramref name="silo"/> with <paramref name="settings"/>' storage (PostgreSQL through Orleans' ADO.NET
    /// provider when a connection string is set, else Orleans' in-memory provider); <paramref name="meter"/>, when given,
    /// counts and times every storage call.
    /// </summary>
    public static void Configure(ISiloBuilder silo, GatewaySettings settings, StorageMeter? meter = null)
    {
        silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ServiceId);
        var store = meter is null ? DetectionGrainOptions.DefaultStorageName : MeteredStore;
        if (settings.Postgres is { } connectionString)
        {
            // The tables come from Orleans' own scripts (eng/orleans-adonet), which .ci/postgres-up applies.
            silo.AddAdoNetGrainStorage(store, o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            });
        }
        else
        {
            silo.AddMemoryGrainStorage(store);
        }

        if (meter is not null)
        {
            silo.Services.AddGrainStorage(DetectionGrainOptions.DefaultStorageName, (sp, _) => meter.Wrap(sp.GetRequiredKeyedService<IGrainStorage>(MeteredStore)));
        }

        silo.AddTakeoverRules(o => o.MaxUnpersistedEvents = settings.MaxUnpersistedEvents);
    }

    /// <summary>Reads the instrument reference data; a malformed entry stops the start with its line, field and reason.</summary>
    public static InstrumentTable LoadInstruments(string path)
    {
        var instruments = new List<Instrument>();
        using var reader = new InstrumentReader(File.OpenRead(path));
        while (reader.TryRead(out var result))
        {
            instruments.Add(result.IsSuccess ? result.Value : throw new InvalidDataException($"{path}: {result.Error}"));
        }

        return new InstrumentTable(instruments);
    }
}

/// <summary>Counts and times the grain-storage calls of the load run (a pass-through otherwise).</summary>
internal sealed class StorageMeter
{
    private readonly long[] _durations = new long[1 << 20];
    private long _writes;
    private long _started;
    private long _writeTicks;
    private long _reads;

    public long Writes => Interlocked.Read(ref _writes);

    public TimeSpan WriteTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _writeTicks));

    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>Writes started and not yet finished.</summary>
    public long InFlight => Interlocked.Read(ref _started) - Interlocked.Read(ref _writes);

    /// <summary>The durations of the writes since <see cref="Reset"/> (the first million), unordered.</summary>
    public TimeSpan[] WriteDurations() =>
        [.. _durations.AsSpan(0, (int)Math.Min(Writes, _durations.Length)).ToArray().Select(t => Stopwatch.GetElapsedTime(0, t))];

    public void Reset()
    {
        Interlocked.Exchange(ref _writes, 0);
        Interlocked.Exchange(ref _started, 0);
        Interlocked.Exchange(ref _writeTicks, 0);
        Interlocked.Exchange(ref _reads, 0);
    }

    public IGrainStorage Wrap(IGrainStorage inner) => new Metered(inner, this);

    private sealed class Metered(IGrainStorage inner, StorageMeter meter) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            Interlocked.Increment(ref meter._reads);
            return inner.ReadStateAsync(stateName, grainId, grainState);
        }

        public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            Interlocked.Increment(ref meter._started);
            var start = Stopwatch.GetTimestamp();
            await inner.WriteStateAsync(stateName, grainId, grainState).ConfigureAwait(false);
            var ticks = Stopwatch.GetTimestamp() - start;
            Interlocked.Add(ref meter._writeTicks, ticks);
            var n = Interlocked.Increment(ref meter._writes) - 1;
            if (n < meter._durations.Length)
            {
                meter._durations[n] = ticks;
            }
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
    }
}
