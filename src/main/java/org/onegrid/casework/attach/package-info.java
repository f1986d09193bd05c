/** Photos 现场照片 of any kind of case: uploaded, checked by their content, attached to one case. */
@org.springframework.modulith.NamedInterface("attach")
package org.onegrid.casework.attach;
