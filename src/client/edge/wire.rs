//! An Edge call as the request gloo-net builds: the method, `{base}/api/{path}`, the key in
//! `Authorization`, `Accept: application/json`, and the JSON body with its content type.

use std::cell::OnceCell;

use gloo_net::http::Request;
use web_sys::{AbortSignal, RequestRedirect};

use crate::core::edge::encode::EdgeWire;
use crate::core::edge::ops::Method;
use crate::core::error::CoreError;

use super::super::transport::{built, probe, Outgoing, Transport};

/// One Edge request to make.
pub struct EdgeOutgoing<'a> {
    pub wire: &'a EdgeWire,
    /// Checked to be printable ASCII when the client was made, so no header setter throws.
    pub key: &'a str,
    pub redirect: &'a OnceCell<RequestRedirect>,
}

impl EdgeOutgoing<'_> {
    fn builder(&self, url: &str, redirect: RequestRedirect) -> gloo_net::http::RequestBuilder {
        let builder = match self.wire.method {
            Method::Get => Request::get(url),
            Method::Post => Request::post(url),
        };
        builder
            .header("accept", "application/json")
            .header("authorization", self.key)
            .redirect(redirect)
    }
}

impl Outgoing for EdgeOutgoing<'_> {
    /// Redirects are not followed (`"error"`, or `"manual"` where the runtime has no
    /// `"error"`): the key is in a header, and a redirect would carry it elsewhere.
    fn build(
        &self,
        transport: &Transport,
        signal: &AbortSignal,
    ) -> Result<(web_sys::Request, Option<web_sys::RequestInit>), CoreError> {
        let url = [transport.base_url.as_str(), "/api/", self.wire.path.as_str()].concat();
        let redirect = match self.redirect.get() {
            Some(redirect) => *redirect,
            None => {
                let (_, found, _) = probe(|redirect| self.builder(&url, redirect).build())?;
                *self.redirect.get_or_init(|| found)
            }
        };
        let builder = self.builder(&url, redirect).abort_signal(Some(signal));
        let request = match &self.wire.body {
            Some(body) => builder.header("content-type", "application/json").body(body.as_str()),
            None => builder.build(),
        };
        Ok((built(request)?, None))
    }
}
