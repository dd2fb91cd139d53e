package dev.tasklens.benchmarks;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.mps.v20190612.MpsClient;
import com.tencentcloudapi.mps.v20190612.models.DescribeTasksRequest;
import com.tencentcloudapi.mps.v20190612.models.DescribeTasksResponse;
import dev.tasklens.ports.credentials.Credentials;
import java.net.URI;
import java.util.List;

/**
 * The loop the official {@code tencentcloud-sdk-java} users write to list every MPS task:
 * {@code DescribeTasks} for WAITING, PROCESSING and FINISH one after another, each scroll token
 * followed to its end. The SDK points at its real endpoint with the emulator as its HTTP proxy, as
 * its users would reach MPS through a proxy.
 */
final class OfficialMpsLoop {

    private final MpsClient sdk;
    private final int pageSize;

    OfficialMpsLoop(URI emulator, Credentials keys, int pageSize) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint("mps.tencentcloudapi.com");
        http.setProtocol(HttpProfile.REQ_HTTP);
        http.setProxyHost(emulator.getHost());
        http.setProxyPort(emulator.getPort());
        this.sdk = new MpsClient(new Credential(keys.id(), keys.secret()), "ap-guangzhou",
                new ClientProfile(ClientProfile.SIGN_TC3_256, http));
        this.pageSize = pageSize;
    }

    /**
     * Lists every task once.
     *
     * @param requests counts each request sent
     * @return how many tasks came
     * @throws TencentCloudSDKException if a request fails
     */
    long listAll(Runnable requests) throws TencentCloudSDKException {
        long count = 0;
        for (String status : List.of("WAITING", "PROCESSING", "FINISH")) {
            String token = "";
            do {
                DescribeTasksRequest request = new DescribeTasksRequest();
                request.setStatus(status);
                request.setLimit((long) pageSize);
                if (!token.isEmpty()) {
                    request.setScrollToken(token);
                }
                DescribeTasksResponse reply = sdk.DescribeTasks(request);
                requests.run();
                count += reply.getTaskSet().length;
                token = reply.getScrollToken() == null ? "" : reply.getScrollToken();
            } while (!token.isEmpty());
        }
        return count;
    }
}
