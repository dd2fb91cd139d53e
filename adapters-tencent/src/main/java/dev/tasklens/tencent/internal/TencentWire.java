package dev.tasklens.tencent.internal;

import dev.tasklens.adapters.StrictText;
import dev.tasklens.adapters.WholeNumber;
import dev.tasklens.adapters.WholeNumberAsText;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import java.util.List;

/**
 * The Tencent replies on the wire, one record per JSON object the documents describe: MPS
 * {@code DescribeTasks} (seed 001, API 3.0 envelope) and the legacy CLS task list (seed 000). Public
 * only so that JSON-B can bind them; not API.
 */
public final class TencentWire {

    private TencentWire() {
    }

    /**
     * The API 3.0 envelope: {@code {"Response": {...}}}.
     *
     * @param response the response
     */
    public record MpsReply(@JsonbProperty("Response") MpsResponse response) {
    }

    /**
     * {@code DescribeTasks}' response, or an error in the same envelope (HTTP 200).
     *
     * @param taskSet the page's tasks ({@code TaskSimpleInfo[]})
     * @param scrollToken the next task's id; empty at the end
     * @param totalCount the matches, a number or a string of digits as the examples send numbers
     * @param requestId the request id
     * @param error the error, when the request failed
     */
    public record MpsResponse(
            @JsonbProperty("TaskSet") List<MpsTask> taskSet,
            @JsonbProperty("ScrollToken") @JsonbTypeDeserializer(StrictText.class) String scrollToken,
            @JsonbProperty("TotalCount") @JsonbTypeDeserializer(WholeNumber.class) Long totalCount,
            @JsonbProperty("RequestId") @JsonbTypeDeserializer(StrictText.class) String requestId,
            @JsonbProperty("Error") ApiError error) {
    }

    /**
     * {@code Response.Error}.
     *
     * @param code such as {@code AuthFailure.SignatureExpire}
     * @param message the provider's words
     */
    public record ApiError(
            @JsonbProperty("Code") @JsonbTypeDeserializer(StrictText.class) String code,
            @JsonbProperty("Message") @JsonbTypeDeserializer(StrictText.class) String message) {
    }

    /**
     * {@code TaskSimpleInfo}.
     *
     * @param taskId the id, text or a whole number
     * @param taskType such as {@code WorkflowTask}
     * @param subTaskTypes such as {@code action-trans}
     * @param createTime ISO 8601
     * @param beginProcessTime ISO 8601, or {@code 0000-00-00T00:00:00Z} when unset
     * @param finishTime ISO 8601, or {@code 0000-00-00T00:00:00Z} when unset
     */
    public record MpsTask(
            @JsonbProperty("TaskId") @JsonbTypeDeserializer(WholeNumberAsText.class) String taskId,
            @JsonbProperty("TaskType") @JsonbTypeDeserializer(StrictText.class) String taskType,
            @JsonbProperty("SubTaskTypes") List<String> subTaskTypes,
            @JsonbProperty("CreateTime") @JsonbTypeDeserializer(StrictText.class) String createTime,
            @JsonbProperty("BeginProcessTime") @JsonbTypeDeserializer(StrictText.class) String beginProcessTime,
            @JsonbProperty("FinishTime") @JsonbTypeDeserializer(StrictText.class) String finishTime) {
    }

    /**
     * The legacy CLS task list: {@code {"tasks": [...]}}.
     *
     * @param tasks the tasks ({@code TaskInfo[]})
     */
    public record ClsReply(@JsonbProperty("tasks") List<ClsTask> tasks) {
    }

    /**
     * CLS {@code TaskInfo}.
     *
     * @param taskId the shipping task id
     * @param shipperId the shipping rule
     * @param topicId the log topic
     * @param rangeStart start of the shipped logs
     * @param rangeEnd end of the shipped logs
     * @param startTime when the task started, {@code yyyy-MM-dd HH:mm:ss}
     * @param endTime when it ended
     * @param status {@code success}, {@code running}, {@code failed} or {@code wait}
     * @param message the detailed result
     */
    public record ClsTask(
            @JsonbProperty("task_id") @JsonbTypeDeserializer(WholeNumberAsText.class) String taskId,
            @JsonbProperty("shipper_id") @JsonbTypeDeserializer(StrictText.class) String shipperId,
            @JsonbProperty("topic_id") @JsonbTypeDeserializer(StrictText.class) String topicId,
            @JsonbProperty("range_start") @JsonbTypeDeserializer(StrictText.class) String rangeStart,
            @JsonbProperty("range_end") @JsonbTypeDeserializer(StrictText.class) String rangeEnd,
            @JsonbProperty("start_time") @JsonbTypeDeserializer(StrictText.class) String startTime,
            @JsonbProperty("end_time") @JsonbTypeDeserializer(StrictText.class) String endTime,
            @JsonbProperty("status") @JsonbTypeDeserializer(StrictText.class) String status,
            @JsonbProperty("message") @JsonbTypeDeserializer(StrictText.class) String message) {
    }

    /**
     * The legacy CLS error body, sent with a real HTTP status.
     *
     * @param code {@code errorcode}
     * @param message {@code errormessage}
     */
    public record ClsError(
            @JsonbProperty("errorcode") @JsonbTypeDeserializer(StrictText.class) String code,
            @JsonbProperty("errormessage") @JsonbTypeDeserializer(StrictText.class) String message) {
    }
}
