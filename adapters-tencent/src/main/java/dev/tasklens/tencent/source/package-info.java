/** What the Tencent sources share in their construction. */
package dev.tasklens.tencent.source;
