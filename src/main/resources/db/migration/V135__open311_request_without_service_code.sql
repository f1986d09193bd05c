-- Open311 (integration module): a service request may come without a service_code when its description says what is
-- wrong; its incident's item is then suggested from the text (智能分拨) and to be confirmed by the owning centre. The
-- request keeps what the client sent (no service code), and while it waits for placement so does its queued order.
ALTER TABLE open311_request ALTER COLUMN service_code DROP NOT NULL;
ALTER TABLE hotline_order ALTER COLUMN category_code DROP NOT NULL;
