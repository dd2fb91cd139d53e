package dev.tasklens.huawei.internal;

import dev.tasklens.adapters.StrictText;
import dev.tasklens.adapters.WholeNumber;
import dev.tasklens.adapters.WholeNumberAsText;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import java.util.List;

/**
 * MetaStudio {@code SearchTask} on the wire (seed 002, "Response Parameters"), one record per JSON
 * object. Public only so that JSON-B can bind them; not API.
 */
public final class IesWire {

    private IesWire() {
    }

    /**
     * The 200 reply.
     *
     * @param offset "No. of the query start page. The value starts from 0"
     * @param limit the page size
     * @param count the total
     * @param data the page's tasks ({@code QueryTaskResultDTO[]})
     */
    public record Page(
            @JsonbProperty("offset") Long offset,
            @JsonbProperty("limit") Long limit,
            @JsonbProperty("count") Long count,
            @JsonbProperty("data") List<Task> data) {
    }

    /**
     * {@code QueryTaskResultDTO}.
     *
     * @param taskId the task id
     * @param taskName the task name
     * @param resource the resource type
     * @param taskType the task type
     * @param operator the operator
     * @param userId the operator's id
     * @param taskStatus the status, raw (no document lists the values)
     * @param totalCount the items of the task
     * @param successCount the items that succeeded
     * @param failureCount the items that failed
     * @param beginTime when it started, ms epoch (number or string)
     * @param endTime when it ended, ms epoch (number or string)
     */
    public record Task(
            @JsonbProperty("task_id") @JsonbTypeDeserializer(WholeNumberAsText.class) String taskId,
            @JsonbProperty("task_name") @JsonbTypeDeserializer(StrictText.class) String taskName,
            @JsonbProperty("resource") @JsonbTypeDeserializer(StrictText.class) String resource,
            @JsonbProperty("task_type") @JsonbTypeDeserializer(StrictText.class) String taskType,
            @JsonbProperty("operator") @JsonbTypeDeserializer(StrictText.class) String operator,
            @JsonbProperty("user_id") @JsonbTypeDeserializer(StrictText.class) String userId,
            @JsonbProperty("task_status") @JsonbTypeDeserializer(StrictText.class) String taskStatus,
            @JsonbProperty("total_count") Long totalCount,
            @JsonbProperty("success_count") Long successCount,
            @JsonbProperty("failure_count") Long failureCount,
            @JsonbProperty("begin_time") @JsonbTypeDeserializer(WholeNumber.class) Long beginTime,
            @JsonbProperty("end_time") @JsonbTypeDeserializer(WholeNumber.class) Long endTime) {
    }
}
