package dev.tasklens.tencent.mps;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.CommonRequest;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsProvider;
import dev.tasklens.ports.listing.SourceListing;
import dev.tasklens.ports.resilience.ClockSkew;
import dev.tasklens.ports.resilience.RateLimiter;
import dev.tasklens.ports.resilience.Resilience;
import dev.tasklens.ports.resilience.RetryPolicy;
import dev.tasklens.ports.resilience.Sleeper;
import dev.tasklens.testkit.data.EmulatedTask;
import dev.tasklens.testkit.data.SeededTasks;
import dev.tasklens.testkit.emulator.Emulator;
import dev.tasklens.testkit.tencent.MpsApi;
import dev.tasklens.transport.jdk.JdkHttpTransport;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Second opinion: the official Tencent Cloud Java SDK (its generic API 3.0 client, the class the
 * typed {@code MpsClient} extends, with product {@code mps} and version 2019-06-12) pages through
 * the MPS emulator over plain HTTP on loopback. The emulator verifies the SDK's signatures, and
 * the SDK gets exactly the tasks our source gets: the emulator speaks the real protocol.
 */
class OfficialSdkSeesWhatWeSeeTest {

    private static final String SECRET_ID = "AKIDEXAMPLE0123456789";
    private static final String SECRET_KEY = "example-mps-secret";

    @Test
    @SuppressWarnings("unchecked")
    void theOfficialSdkAndOurSourceListTheSameTasks() throws TencentCloudSDKException {
        Clock clock = Clock.systemUTC();
        List<EmulatedTask> tasks = SeededTasks.generate(11, 35, clock.instant(), Duration.ofDays(2));
        Jsonb jsonb = JsonbBuilder.create();
        try (Emulator emulator = Emulator.start(new MpsApi(tasks, Map.of(SECRET_ID, SECRET_KEY), clock));
                JdkHttpTransport transport = JdkHttpTransport.create()) {
            HttpProfile http = new HttpProfile();
            http.setEndpoint(emulator.baseUri().getAuthority());
            http.setProtocol(HttpProfile.REQ_HTTP);
            CommonClient sdk = new CommonClient("mps", "2019-06-12", new Credential(SECRET_ID, SECRET_KEY),
                    "ap-guangzhou", new ClientProfile(ClientProfile.SIGN_TC3_256, http));

            List<String> sdkIds = new ArrayList<>();
            for (String status : List.of("WAITING", "PROCESSING", "FINISH")) {
                String token = "";
                do {
                    String request = "{\"Status\":\"" + status + "\",\"Limit\":7"
                            + (token.isEmpty() ? "" : ",\"ScrollToken\":\"" + token + "\"") + "}";
                    Map<String, Object> reply = jsonb.fromJson(sdk.commonRequest(new CommonRequest(request),
                            "DescribeTasks"), Map.class);
                    Map<String, Object> response = (Map<String, Object>) reply.getOrDefault("Response", reply);
                    assertThat(response).doesNotContainKey("Error");
                    for (Object task : (List<Object>) response.get("TaskSet")) {
                        sdkIds.add((String) ((Map<String, Object>) task).get("TaskId"));
                    }
                    token = (String) response.get("ScrollToken");
                } while (!token.isEmpty());
            }

            MpsTaskSource ours = MpsTaskSource.builder()
                    .endpoint(URI.create(emulator.baseUri() + "/"))
                    .credentials(CredentialsProvider.of(Credentials.of(SECRET_ID, SECRET_KEY)))
                    .transport(transport)
                    .resilience(Resilience.of(RetryPolicy.none(), RateLimiter.unlimited(), new ClockSkew(clock),
                            Sleeper.system(), Math::random))
                    .build();
            List<String> ourIds = SourceListing.of(ours, clock)
                    .list(TaskQuery.forSource(ours.descriptor()).pageSize(7).build())
                    .stream().map(Task::id).toList();

            assertThat(sdkIds).hasSize(35).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(tasks.stream().map(EmulatedTask::id).toList());
            assertThat(ourIds).containsExactlyInAnyOrderElementsOf(sdkIds);
        }
    }
}
