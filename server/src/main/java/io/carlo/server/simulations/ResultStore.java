package io.carlo.server.simulations;

import io.carlo.engine.simulation.ResultBuilder;
import io.carlo.engine.simulation.SimulationResult;
import io.carlo.engine.stats.StatisticsOptions;
import io.carlo.server.storage.BlobStore;
import io.carlo.server.storage.SealedFields;
import io.carlo.server.storage.Timestamps;
import io.carlo.server.workbooks.WorkbookService;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Completed simulations' results: the statistics as JSON in the database (served as they are),
 * the samples of every input and output in the blob store ({@link SampleCodec}), and a manifest
 * to rebuild the full {@link SimulationResult} from them for the CSV and the Excel report.
 */
@Component
public class ResultStore {

    /** A result written to the blob store, whose row is not yet inserted. */
    public record Prepared(UUID simulationId, String summary, String manifest, String blobId, long bytes) {
    }

    /** Encrypted columns: the statistics and the manifest describe a customer's model. */
    public static final String SUMMARY = "simulation_results.summary";
    public static final String MANIFEST = "simulation_results.manifest";

    private final JdbcClient db;
    private final BlobStore blobs;
    private final JsonMapper json;
    private final Clock clock;
    private final SealedFields fields;

    public ResultStore(JdbcClient db, BlobStore blobs, JsonMapper json, Clock clock, SealedFields fields) {
        this.db = db;
        this.blobs = blobs;
        this.json = json;
        this.clock = clock;
        this.fields = fields;
    }

    /** Writes the samples (named per attempt, so that a lost lease's late write cannot clobber the winner's). */
    public Prepared prepare(SimulationRecord sim, SimulationResult result, StatisticsOptions options) {
        List<ResultDocuments.Column> inputs = result.inputs().stream()
                .map(i -> new ResultDocuments.Column(i.cell(), i.name(), i.distribution())).toList();
        List<ResultDocuments.Column> outputs = result.outputs().stream()
                .map(o -> new ResultDocuments.Column(o.cell(), o.name(), null)).toList();
        ResultDocuments.Manifest manifest = new ResultDocuments.Manifest(result.workbook(), result.seed(),
                result.sampling(), result.threads(), result.timings(), inputs, outputs, result.correlation(), options);
        List<double[]> columns = new ArrayList<>();
        result.inputs().forEach(i -> columns.add(i.samples()));
        result.outputs().forEach(o -> columns.add(o.samples()));
        String blobId = "results/" + sim.organizationId() + "/" + sim.id() + "/samples-" + sim.attempts();
        try {
            writeColumns(blobId, columns.toArray(double[][]::new));
            return new Prepared(sim.id(), json.writeValueAsString(ResultDocuments.Results.of(sim.id(), result)),
                    json.writeValueAsString(manifest), blobId, blobs.size(blobId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the samples", e);
        }
    }

    /**
     * Writes one shard's samples (its inputs', then its outputs') until the shards are merged;
     * named per attempt, like results, so that a late write of a lost lease cannot clobber another.
     */
    public String writeShard(SimulationRecord sim, Work.Shard shard, double[][] inputs, double[][] outputs) {
        String blobId = "shards/" + sim.organizationId() + "/" + sim.id() + "/" + shard.index() + "-" + shard.attempts();
        double[][] columns = new double[inputs.length + outputs.length][];
        System.arraycopy(inputs, 0, columns, 0, inputs.length);
        System.arraycopy(outputs, 0, columns, inputs.length, outputs.length);
        try {
            writeColumns(blobId, columns);
            return blobId;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the samples of shard " + shard.index(), e);
        }
    }

    /** A shard's samples as {@link #writeShard} wrote them. */
    public double[][] readShard(String blobId) {
        try (InputStream in = blobs.read(blobId)) {
            return SampleCodec.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the samples of a shard (" + blobId + ")", e);
        }
    }

    private void writeColumns(String blobId, double[][] columns) throws IOException {
        blobs.write(blobId, out -> {
            BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            SampleCodec.write(columns, buffered);
            buffered.flush();
        });
    }

    /** Inserts the results row; called inside the transaction that marks the simulation completed. */
    public void insert(Prepared p) {
        db.sql("""
                insert into simulation_results (simulation_id, summary, manifest, samples_blob, samples_bytes, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(p.simulationId(), fields.seal(SUMMARY, p.simulationId(), p.summary()),
                        fields.seal(MANIFEST, p.simulationId(), p.manifest()), p.blobId(), p.bytes(),
                        Timestamps.of(clock.instant())).update();
    }

    /** Removes samples whose row was never inserted (the lease was lost meanwhile). */
    public void discard(Prepared p) {
        deleteQuietly(p.blobId());
    }

    /** The results JSON of a completed simulation of the organization. */
    public Optional<String> summary(UUID organization, UUID simulation) {
        return db.sql("""
                select r.summary from simulation_results r join simulations s on s.id = r.simulation_id
                where s.organization_id = ? and s.id = ?""").params(organization, simulation).query(String.class)
                .optional().map(stored -> fields.open(SUMMARY, simulation, stored));
    }

    /** The full result, samples included, rebuilt from what was stored. */
    public Optional<SimulationResult> result(UUID organization, UUID simulation) {
        return samples(organization, simulation).map(stored -> {
            ResultDocuments.Manifest m = stored.manifest();
            List<ResultBuilder.Column> inputs = new ArrayList<>();
            for (int i = 0; i < m.inputs().size(); i++) {
                ResultDocuments.Column c = m.inputs().get(i);
                inputs.add(new ResultBuilder.Column(c.cell(), c.name(), c.distribution(), stored.input(i)));
            }
            List<ResultBuilder.Column> outputs = new ArrayList<>();
            for (int j = 0; j < m.outputs().size(); j++) {
                ResultDocuments.Column c = m.outputs().get(j);
                outputs.add(new ResultBuilder.Column(c.cell(), c.name(), null, stored.output(j)));
            }
            return ResultBuilder.build(m.workbook(), m.seed(), m.sampling(), m.threads(), m.timings(), inputs,
                    outputs, m.correlation(), m.statistics());
        });
    }

    /**
     * The stored samples with the manifest that names their columns: the inputs', then the
     * outputs', in the manifest's order.
     */
    public record StoredSamples(ResultDocuments.Manifest manifest, double[][] columns) {

        public double[] input(int i) {
            return columns[i];
        }

        public double[] output(int j) {
            return columns[manifest.inputs().size() + j];
        }
    }

    /** The samples of a completed simulation of the organization, without rebuilding its statistics. */
    public Optional<StoredSamples> samples(UUID organization, UUID simulation) {
        Optional<Row> row = db.sql("""
                select r.manifest, r.samples_blob from simulation_results r join simulations s on s.id = r.simulation_id
                where s.organization_id = ? and s.id = ?""").params(organization, simulation)
                .query((rs, n) -> new Row(rs.getString("manifest"), rs.getString("samples_blob"))).optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        ResultDocuments.Manifest m = json.readValue(fields.open(MANIFEST, simulation, row.get().manifest()),
                ResultDocuments.Manifest.class);
        try (InputStream in = blobs.read(row.get().blob())) {
            return Optional.of(new StoredSamples(m, SampleCodec.read(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stored samples of simulation " + simulation, e);
        }
    }

    private record Row(String manifest, String blob) {
    }

    /** The blob ids of simulations' samples, to delete them with their rows. */
    public List<String> blobsOf(List<UUID> simulations) {
        List<String> out = new ArrayList<>();
        for (UUID id : simulations) {
            db.sql("select samples_blob from simulation_results where simulation_id = ?").param(id).query(String.class)
                    .optional().ifPresent(out::add);
        }
        return out;
    }

    public void deleteBlobs(List<String> ids) {
        ids.forEach(this::deleteQuietly);
    }

    @EventListener
    void onWorkbookDeleting(WorkbookService.WorkbookDeleting event) {
        List<UUID> ids = db.sql("select id from simulations where organization_id = ? and workbook_id = ?")
                .params(event.organizationId(), event.workbookId())
                .query((rs, n) -> Timestamps.uuid(rs, "id")).list();
        deleteBlobs(blobsOf(ids));
    }

    private void deleteQuietly(String id) {
        try {
            blobs.delete(id);
        } catch (IOException | RuntimeException ignored) {
            // an orphan file costs disk space only; nothing refers to it
        }
    }
}
