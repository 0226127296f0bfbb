using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;
using TakeoverRules.Detection;
using TakeoverRules.Orleans.Tests.PostgreSql;

namespace TakeoverRules.Orleans.Tests;

/// <summary>A real multi-silo cluster in this process, hosting the detection grains over the storage a test picks.</summary>
public sealed class DetectionCluster : IAsyncDisposable
{
    public const int MaxUnpersistedEvents = 4;

    private const string PostgresStorage = "PostgreSQL";

    private DetectionCluster(TestCluster cluster) => Cluster = cluster;

    public TestCluster Cluster { get; }

    /// <summary>The gateways: the external client and every silo's own <see cref="IOrderDecisions"/>.</summary>
    public IReadOnlyList<IOrderDecisions> Gateways =>
        [Cluster.Client.ServiceProvider.GetRequiredService<IOrderDecisions>(),
         .. Cluster.GetActiveSilos().OfType<InProcessSiloHandle>().Select(s => s.SiloHost.Services.GetRequiredService<IOrderDecisions>())];

    /// <summary>Kills a silo as a power cut would: from this instant it writes nothing more to storage.</summary>
    public async Task PowerCutAsync(SiloHandle silo)
    {
        ((PowerCutGrainStorage)((InProcessSiloHandle)silo).SiloHost.Services
            .GetRequiredKeyedService<IGrainStorage>(DetectionGrainOptions.DefaultStorageName)).Cut();
        await Cluster.KillSiloAsync(silo);
    }

    public IOrderDecisions Client => Cluster.Client.ServiceProvider.GetRequiredService<IOrderDecisions>();

    /// <summary>
    /// Starts <paramref name="silos"/> silos; <paramref name="postgres"/> is a connection string for ADO.NET storage, or
    /// null for process memory. <paramref name="memoryPressure"/> makes every silo believe it is short of memory, so
    /// Orleans sheds idle activations continually (the limit is set far below what the process uses).
    /// </summary>
    public static async Task<DetectionCluster> StartAsync(int silos = 3, string? postgres = null, bool memoryPressure = false)
    {
        var builder = new TestClusterBuilder((short)silos);
        builder.Properties["TakeoverRulesTests:Postgres"] = postgres ?? "";
        builder.Properties["TakeoverRulesTests:MemoryPressure"] = memoryPressure ? "1" : "";
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new DetectionCluster(cluster);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var postgres = siloBuilder.Configuration["TakeoverRulesTests:Postgres"];
            if (string.IsNullOrEmpty(postgres))
            {
                siloBuilder.Services.AddGrainStorage(DetectionGrainOptions.DefaultStorageName, (sp, _) => ActivatorUtilities.CreateInstance<SharedMemoryGrainStorage>(sp));
            }
            else
            {
                siloBuilder.AddAdoNetGrainStorage(PostgresStorage, o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = postgres;
                });
                siloBuilder.Services.AddGrainStorage(DetectionGrainOptions.DefaultStorageName, (sp, _) =>
                    new PowerCutGrainStorage(sp.GetRequiredKeyedService<IGrainStorage>(PostgresStorage)));
            }

            if (siloBuilder.Configuration["TakeoverRulesTests:MemoryPressure"] == "1")
            {
                siloBuilder.Configure<GrainCollectionOptions>(o =>
                {
                    o.EnableActivationSheddingOnMemoryPressure = true;
                    o.MemoryUsageLimitPercentage = 0.05;
                    o.MemoryUsageTargetPercentage = 0.01;
                    o.MemoryUsagePollingPeriod = TimeSpan.FromMilliseconds(100);
                });
            }

            siloBuilder.Services.AddSingleton<IInstrumentSource>(TestStreams.Instruments);
            siloBuilder.AddTakeoverRules(o => o.MaxUnpersistedEvents = MaxUnpersistedEvents);
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.AddTakeoverRules();
    }
}
