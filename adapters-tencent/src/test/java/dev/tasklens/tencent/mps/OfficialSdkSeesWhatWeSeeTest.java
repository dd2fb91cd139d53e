package dev.tasklens.tencent.mps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.mps.v20190612.MpsClient;
import com.tencentcloudapi.mps.v20190612.models.DescribeTasksRequest;
import com.tencentcloudapi.mps.v20190612.models.DescribeTasksResponse;
import com.tencentcloudapi.mps.v20190612.models.TaskSimpleInfo;
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
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.data.SeededTasks;
import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.tencent.MpsApi;
import dev.tasklens.transport.jdk.JdkHttpTransport;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Second opinion: the official Tencent Cloud Java SDK's {@code MpsClient} (tencentcloud-sdk-java
 * 3.1.1436, {@code DescribeTasks}, version 2019-06-12) pages through the MPS emulator. The SDK is
 * configured as a user would point it at a sandbox: its real endpoint {@code mps.tencentcloudapi.com}
 * over plain HTTP, with the emulator as its HTTP proxy, so it signs for the real host and service
 * and sends the request target in absolute form. The emulator verifies those signatures as strictly
 * as the gateway, and the SDK gets exactly the tasks our source gets.
 */
class OfficialSdkSeesWhatWeSeeTest {

    private static final String SECRET_ID = "AKIDEXAMPLE0123456789";
    private static final String SECRET_KEY = "example-mps-secret";

    @Test
    void theOfficialSdkPointedAtTheEmulatorAsItsEndpointSignsForService127AndIsRefused() {
        Clock clock = Clock.systemUTC();
        List<EmulatedTask> tasks = SeededTasks.generate(11, 5, clock.instant(), Duration.ofDays(2));
        try (Emulator emulator = Emulator.start(new MpsApi(tasks, Map.of(SECRET_ID, SECRET_KEY), clock))) {
            HttpProfile http = new HttpProfile();
            http.setEndpoint(emulator.baseUri().getAuthority());
            http.setProtocol(HttpProfile.REQ_HTTP);
            MpsClient sdk = new MpsClient(new Credential(SECRET_ID, SECRET_KEY), "ap-guangzhou",
                    new ClientProfile(ClientProfile.SIGN_TC3_256, http));
            DescribeTasksRequest request = new DescribeTasksRequest();
            request.setStatus("FINISH");

            // The SDK derives the service from the host's first label: "127" for 127.0.0.1.
            assertThatThrownBy(() -> sdk.DescribeTasks(request))
                    .isInstanceOf(TencentCloudSDKException.class)
                    .hasMessageContaining("service '127'")
                    .satisfies(e -> assertThat(((TencentCloudSDKException) e).getErrorCode())
                            .isEqualTo("AuthFailure.SignatureFailure"));
        }
    }

    @Test
    void theOfficialSdkAndOurSourceListTheSameTasks() throws TencentCloudSDKException {
        Clock clock = Clock.systemUTC();
        List<EmulatedTask> tasks = SeededTasks.generate(11, 35, clock.instant(), Duration.ofDays(2));
        try (Emulator emulator = Emulator.start(new MpsApi(tasks, Map.of(SECRET_ID, SECRET_KEY), clock));
                JdkHttpTransport transport = JdkHttpTransport.create()) {
            HttpProfile http = new HttpProfile();
            http.setEndpoint("mps.tencentcloudapi.com");
            http.setProtocol(HttpProfile.REQ_HTTP);
            http.setProxyHost(emulator.baseUri().getHost());
            http.setProxyPort(emulator.baseUri().getPort());
            MpsClient sdk = new MpsClient(new Credential(SECRET_ID, SECRET_KEY), "ap-guangzhou",
                    new ClientProfile(ClientProfile.SIGN_TC3_256, http));

            List<String> sdkIds = new ArrayList<>();
            for (String status : List.of("WAITING", "PROCESSING", "FINISH")) {
                String token = "";
                do {
                    DescribeTasksRequest request = new DescribeTasksRequest();
                    request.setStatus(status);
                    request.setLimit(7L);
                    if (!token.isEmpty()) {
                        request.setScrollToken(token);
                    }
                    DescribeTasksResponse reply = sdk.DescribeTasks(request);
                    for (TaskSimpleInfo task : reply.getTaskSet()) {
                        sdkIds.add(task.getTaskId());
                        assertThat(task.getFinishTime()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
                    }
                    token = reply.getScrollToken();
                } while (!token.isEmpty());
            }

            MpsTaskSource ours = MpsTaskSource.builder()
                    .endpoint(URI.create(emulator.baseUri() + "/"))
                    .credentials(CredentialsProvider.of(Credentials.of(SECRET_ID, SECRET_KEY)))
                    .transport(transport)
                    .resilience(Resilience.of(RetryPolicy.none(), RateLimiter.unlimited(), new ClockSkew(clock),
                            Sleeper.system(), Math::random))
                    .build();
            // Ours at its default: the query split into status scans and window slices, paged at once.
            List<String> ourIds = SourceListing.of(ours, clock)
                    .list(TaskQuery.forSource(ours.descriptor()).pageSize(7).build())
                    .stream().map(Task::id).toList();

            assertThat(sdkIds).hasSize(35).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(tasks.stream().map(EmulatedTask::id).toList());
            assertThat(ourIds).containsExactlyInAnyOrderElementsOf(sdkIds);
            assertThat(emulator.journal().requests()).anySatisfy(request -> {
                assertThat(request.uri().getHost()).isEqualTo("mps.tencentcloudapi.com");
                assertThat(request.headers().firstValue("Authorization").orElseThrow()).contains("/mps/tc3_request");
            });
        }
    }
}
